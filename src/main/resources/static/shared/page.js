/*
 * What every platform page (the sharing catalog, the audit trail, the case pages) needs: a JSON client that turns
 * every failure into an ApiError carrying the RFC 9457 problem, DOM helpers that only ever make text nodes, never
 * markup, labels in Chinese and English for a page's vocabulary, an error box for a failed call, Beijing time, the
 * departments by code, and the signed-in official. A search page adds /shared/list-page.js.
 */
window.GovSharePage = (function () {
  'use strict';

  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
      this.status = status;
      this.problem = problem || {};
    }
  }

  /** GET a JSON resource; any other answer becomes an ApiError carrying the RFC 9457 problem (or what we have). */
  async function getJson(url) {
    let response;
    try {
      // resolve against the origin, not the document: a page opened as http://login:password@host/... would
      // otherwise pass its credentials into every URL, which fetch refuses; the browser adds them itself
      response = await fetch(new URL(url, window.location.origin).href, {
        credentials: 'same-origin',
        headers: { 'Accept': 'application/json, application/problem+json' }
      });
    } catch (e) {
      throw new ApiError(0, {
        title: '无法连接服务器 Cannot reach the server',
        detail: '请检查网络连接后重试。Check the connection and try again. (' + e.message + ')'
      });
    }
    const type = response.headers.get('Content-Type') || '';
    const text = await response.text();
    let body = null;
    if (type.includes('json') && text) {
      try {
        body = JSON.parse(text);
      } catch (e) {
        throw new ApiError(response.status, {
          title: '服务器返回了无法解析的内容 Unreadable answer',
          detail: 'HTTP ' + response.status + ': ' + e.message
        });
      }
    }
    if (!response.ok) {
      const problem = body && typeof body === 'object' ? body : {
        title: 'HTTP ' + response.status + (response.statusText ? ' ' + response.statusText : ''),
        detail: text ? text.slice(0, 300) : null
      };
      throw new ApiError(response.status, problem);
    }
    if (body === null) {
      throw new ApiError(response.status, {
        title: '服务器未返回 JSON The server did not answer with JSON',
        detail: url + ' → ' + (type || 'no content type')
      });
    }
    return body;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // DOM helpers: text only, never markup

  function h(tag, props, ...children) {
    const el = document.createElement(tag);
    if (props) {
      for (const [key, value] of Object.entries(props)) {
        if (value === null || value === undefined || value === false) continue;
        if (key === 'class') el.className = value;
        else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
        else el.setAttribute(key, value === true ? '' : String(value));
      }
    }
    return add(el, ...children);
  }

  function add(el, ...children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }

  /** Chinese with English beside it. */
  function bi(zh, en, cls) {
    return h('span', { class: cls || 'bi' }, zh, ' ', h('span', { class: 'en', lang: 'en' }, en));
  }

  function none() {
    return h('span', { class: 'none' }, '— ', h('span', { class: 'visually-hidden' }, '无 none'));
  }

  function text(value) {
    return value === null || value === undefined || String(value).trim() === '' ? none() : String(value);
  }

  /** 是 Yes, or a muted 否 No. */
  function yesNo(value) {
    return value ? bi('是', 'Yes') : h('span', { class: 'muted' }, '否 ', h('span', { lang: 'en' }, 'No'));
  }

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
    return el;
  }

  /** A panel of a record's page: a section headed by its title (id-title), zh with en beside it. */
  function section(id, zh, en, ...content) {
    return h('section', { class: 'panel detail-section', id: id, 'aria-labelledby': id + '-title' },
      h('h3', { id: id + '-title', class: 'panel-title' }, zh, ' ', h('span', { lang: 'en' }, en)), content);
  }

  /** The first characters of a long id, with an ellipsis. */
  function abbreviate(value, length) {
    const s = String(value);
    return s.length > length ? s.slice(0, length) + '…' : s;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // A page's vocabulary: { group: { VALUE: [zh, en] } } shown as labels and badges

  function vocabulary(labels) {
    /** The label of a value, or the value itself when the page does not know it. */
    function label(group, value, cls) {
      if (value === null || value === undefined || value === '') return none();
      const pair = labels[group] && labels[group][value];
      return pair ? bi(pair[0], pair[1], cls) : h('span', { class: cls || 'bi' }, String(value));
    }

    function labelText(group, value) {
      const pair = labels[group] && labels[group][value];
      return pair ? pair[0] + ' ' + pair[1] : String(value);
    }

    /** A label as a badge, classed by its group and value (badge-sharingType badge-non-sharing) for its colour. */
    function badge(group, value, extra) {
      return label(group, value, 'badge badge-' + group + ' badge-' + String(value).toLowerCase().replace(/_/g, '-')
        + (extra ? ' ' + extra : ''));
    }

    return Object.freeze({ label, labelText, badge });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Messages: every failure is shown, with the problem's detail, field errors and correlation id

  const HINTS = {
    401: ['登录凭据无效或已失效，请刷新页面重新登录。', 'The login was refused; reload the page to sign in again.']
  };

  /**
   * A dismissable error box for a failed call. hints: a sentence in Chinese and English by HTTP status, added to
   * (or replacing) the 401 one, e.g. { 403: ['仅限…', 'Only …'] }.
   */
  function problemBox(context, error, hints) {
    const problem = (error && error.problem) || { title: String(error && error.message || error) };
    const status = error && error.status;
    const hint = Object.assign({}, HINTS, hints)[status];
    return h('div', { class: 'msg msg-error' },
      h('div', { class: 'msg-body' },
        h('p', { class: 'msg-title' }, context,
          problem.title ? ' — ' + problem.title : '',
          status ? h('span', { class: 'msg-status' }, ' HTTP ' + status) : null),
        problem.detail && !repeatsTheErrors(problem) ? h('p', { class: 'msg-detail' }, problem.detail) : null,
        Array.isArray(problem.errors) && problem.errors.length ? h('ul', { class: 'msg-errors' },
          problem.errors.map((e) => h('li', null,
            e && e.field ? h('code', null, e.field) : null, e && e.field ? '：' : '',
            e && e.message ? e.message : '',
            e && e.rule ? h('span', { class: 'msg-rule' }, ' [' + e.rule + ']') : null))) : null,
        hint ? h('p', null, hint[0], h('span', { lang: 'en' }, ' ' + hint[1])) : null,
        problem.correlationId ? h('p', { class: 'msg-meta' }, '关联编号 ', h('span', { lang: 'en' }, 'Correlation ID'), '：',
          h('code', null, problem.correlationId)) : null),
      h('button', {
        type: 'button', class: 'msg-close', 'aria-label': '关闭 Dismiss',
        onclick: (ev) => ev.currentTarget.parentElement.remove()
      }, '×'));
  }

  /** Shows a failed call in the page's #messages (and the console). */
  function showError(context, error, hints) {
    document.getElementById('messages').append(problemBox(context, error, hints));
    if (typeof console !== 'undefined') console.error(context, error);
  }

  /** A detail that only repeats the one field error below it is left out. */
  function repeatsTheErrors(problem) {
    const errors = Array.isArray(problem.errors) ? problem.errors : [];
    return errors.length === 1 && errors[0] && problem.detail === errors[0].field + ': ' + errors[0].message;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Beijing time (Asia/Shanghai, UTC+8 all year): the API gives instants, officials read them in Beijing time

  function formatter(options) {
    try {
      return new Intl.DateTimeFormat('zh-CN', Object.assign({
        timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', hour12: false
      }, options));
    } catch (e) {
      return null;
    }
  }

  const TO_MINUTE = formatter({});
  const TO_SECOND = formatter({ second: '2-digit' });

  /** An instant in Beijing time, to the minute or to the second; '—' for none. */
  function dateTime(value, withSeconds) {
    if (!value) return '—';
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return String(value);
    const format = withSeconds ? TO_SECOND : TO_MINUTE;
    return format ? format.format(date) : date.toISOString();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Departments, by code: loaded once for the page

  const departments = new Map();
  let departmentsLoaded = null;

  /** Loads the departments once (GET /api/departments at url) and answers them as a list; a failure goes to onError. */
  function loadDepartments(url, onError) {
    if (!departmentsLoaded) {
      departmentsLoaded = getJson(url).then((list) => {
        for (const d of list) departments.set(d.code, d);
        return list;
      }).catch((e) => {
        onError('部门列表加载失败 Could not load the departments', e);
        return [];
      });
    }
    return departmentsLoaded;
  }

  /** A department's Chinese name, its English name and code on hover; its code when it is not known. */
  function department(code) {
    if (!code) return none();
    const d = departments.get(code);
    return d ? h('span', { class: 'dept', title: (d.nameEn ? d.nameEn + ' · ' : '') + code }, d.nameZh) : h('code', null, code);
  }

  function departmentOf(code) {
    return departments.get(code) || null;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The signed-in official, in the page's header

  /** Shows who is signed in (GET /api/me) in el; a failure goes to onError. */
  async function showSignedIn(el, onError) {
    try {
      const me = await getJson('/api/me');
      const dept = me.department;
      add(clear(el), h('span', { class: 'whoami-label' }, '当前用户 ', h('span', { lang: 'en' }, 'Signed in')),
        ' ', h('strong', null, me.name || me.login),
        dept ? h('span', { class: 'whoami-dept', title: dept.nameEn }, ' · ' + dept.nameZh) : null);
      return me;
    } catch (e) {
      onError('无法确认当前用户 Could not identify the signed-in official', e);
      return null;
    }
  }

  return Object.freeze({ ApiError, getJson, h, add, bi, none, text, yesNo, clear, section, abbreviate, vocabulary,
    problemBox, showError, dateTime, loadDepartments, department, departmentOf, showSignedIn });
})();
