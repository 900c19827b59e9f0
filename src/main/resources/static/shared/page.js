/*
 * What both platform pages (the sharing catalog, the audit trail) need: a JSON client that turns every failure into
 * an ApiError carrying the RFC 9457 problem, and DOM helpers that only ever make text nodes, never markup.
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

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
    return el;
  }

  return Object.freeze({ ApiError, getJson, h, add, bi, none, text, clear });
})();
