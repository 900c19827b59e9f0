/*
 * 政务信息资源共享目录 Sharing catalog: a read-only browser over the catalog's JSON API.
 *
 * The page is served behind HTTP Basic authentication; the browser sends the same credentials with every fetch to
 * /api/... (same origin). All state (filters, page, the resource and version shown) lives in the URL query string,
 * so every view can be bookmarked. API strings only ever reach the DOM as text nodes or attribute values
 * (textContent, setAttribute), never as markup.
 *
 * API used:
 *   GET /api/me
 *   GET /api/departments
 *   GET /api/catalog?q=&provider=&kind=&sharingType=&updateCycle=&tier=&includeRetired=&page=&size=
 *   GET /api/catalog/resources/{front}/{back}
 *   GET /api/catalog/resources/{front}/{back}/history?size=100 (newest first, the latest 100 versions)
 *   GET /api/catalog/resources/{front}/{back}/versions/{n}
 *   GET /api/freshness?resource={code}&… (the page's resources; see /shared/freshness.js)
 */
(function () {
  'use strict';

  const { ApiError, getJson, h, add, bi, none, text, clear, section, abbreviate, dateTime, loadDepartments, department,
    departmentOf } = window.GovSharePage;
  const { LABELS, FIELDS, label, labelText, badge, itemsTable, changedKeys } = window.GovShareCatalog;
  const freshness = window.GovShareFreshness;

  // ---------------------------------------------------------------------------------------------------------------
  // API

  const API = {
    me: '/api/me',
    departments: '/api/departments',
    catalog: '/api/catalog',
    resource: (code) => '/api/catalog/resources/' + codePath(code),
    // newest first and paged like every list: the 100 latest versions (the most a page holds) are the history shown
    history: (code) => '/api/catalog/resources/' + codePath(code) + '/history?size=100',
    version: (code, n) => '/api/catalog/resources/' + codePath(code) + '/versions/' + encodeURIComponent(n)
  };

  /** A resource code such as 101001/101007 is two path segments: /resources/101001/101007. */
  function codePath(code) {
    const parts = String(code).split('/');
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      throw new ApiError(0, {
        title: '资源代码格式不正确 Malformed resource code',
        detail: '资源代码形如 101001/101007。A resource code looks like 101001/101007: “' + code + '”'
      });
    }
    return encodeURIComponent(parts[0]) + '/' + encodeURIComponent(parts[1]);
  }

  // The catalog's labels, field names and data items table come from /shared/catalog-terms.js

  const FILTERS = ['q', 'provider', 'kind', 'sharingType', 'updateCycle', 'tier', 'includeRetired'];
  const DEFAULT_SIZE = 20;
  const NOUN = ['资源', 'resource', 'resources'];

  // The list page's state in the URL, routing, form, pager and messages come from /shared/list-page.js

  const page = window.GovShareListPage.listPage({
    filters: FILTERS,
    paging: ['page', 'size'],
    defaultSize: DEFAULT_SIZE,
    detail: ['resource', 'version'],
    readExtra: (params, state) => {
      state.includeRetired = state.includeRetired === 'true' ? 'true' : '';
      state.version = window.GovShareListPage.toInt(params.get('version'), null);
    },
    listTitle: '政务信息资源共享目录 Sharing catalog · GovShare',
    fillForm,
    formState,
    showList: (state) => {
      detailRequest++;
      loadList(state);
    },
    showDetail: loadDetail
  });
  const { $, showError, readState, apiParams, link, cell, rowLink, emptyRow, showSummary, showPager } = page;

  // ---------------------------------------------------------------------------------------------------------------
  // Departments

  let departmentsKnown = false;
  const departmentsLoaded = loadDepartments(API.departments, showError).then(fillProviders);

  function fillProviders(list) {
    const select = $('f-provider');
    const wanted = readState().provider || select.value;
    for (const tier of ['MUNICIPAL', 'DISTRICT']) {
      const ofTier = list.filter((d) => d.tier === tier)
        .sort((a, b) => String(a.nameZh).localeCompare(String(b.nameZh), 'zh-CN'));
      if (!ofTier.length) continue;
      select.append(h('optgroup', { label: labelText('tier', tier) },
        ofTier.map((d) => h('option', { value: d.code, title: d.nameEn }, d.nameZh))));
    }
    const others = list.filter((d) => d.tier !== 'MUNICIPAL' && d.tier !== 'DISTRICT');
    for (const d of others) select.append(h('option', { value: d.code, title: d.nameEn }, d.nameZh));
    for (const stale of select.querySelectorAll('option[data-unknown]')) {
      if (departmentOf(stale.value)) stale.remove();
    }
    departmentsKnown = true;
    select.value = wanted;
    if (!select.value && wanted) fillForm(readState());
  }

  function departmentFull(code) {
    if (!code) return none();
    const d = departmentOf(code);
    if (!d) return h('span', null, code);
    return h('span', null, d.nameZh, ' ', h('span', { class: 'en', lang: 'en' }, d.nameEn),
      ' ', h('code', { class: 'muted' }, d.code));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The search form

  function fillEnumSelects() {
    for (const select of document.querySelectorAll('select[data-enum]')) {
      const group = select.getAttribute('data-enum');
      for (const [value, pair] of Object.entries(LABELS[group])) {
        select.append(h('option', { value: value }, pair[0] + ' ' + pair[1]));
      }
    }
  }

  function fillForm(state) {
    const form = $('search');
    form.elements.q.value = state.q;
    for (const key of ['provider', 'kind', 'sharingType', 'updateCycle', 'tier']) {
      const select = form.elements[key];
      // keep an unknown value from a bookmark visible, so the API's refusal of it makes sense
      const known = key !== 'provider' || departmentsKnown;
      if (known && state[key] && ![...select.options].some((o) => o.value === state[key])) {
        select.append(h('option', { value: state[key], 'data-unknown': true }, state[key]));
      }
      select.value = state[key];
    }
    form.elements.includeRetired.checked = state.includeRetired === 'true';
  }

  function formState() {
    const form = $('search');
    const state = {};
    for (const key of FILTERS) state[key] = '';
    state.q = form.elements.q.value.trim();
    for (const key of ['provider', 'kind', 'sharingType', 'updateCycle', 'tier']) state[key] = form.elements[key].value;
    state.includeRetired = form.elements.includeRetired.checked ? 'true' : '';
    state.page = 0;
    state.size = readState().size;
    return state;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The list

  let listRequest = 0;

  async function loadList(state) {
    const request = ++listRequest;
    const results = $('results');
    results.setAttribute('aria-busy', 'true');
    add(clear($('summary')), '正在加载… ', h('span', { lang: 'en' }, 'Loading…'));
    try {
      const page = await getJson(API.catalog + '?' + apiParams(state).toString());
      await departmentsLoaded;
      if (request !== listRequest) return;
      renderRows(page, state);
      showPager(page, NOUN);
    } catch (e) {
      if (request !== listRequest) return;
      renderRows({ total: 0, page: 0, size: state.size, resources: [] }, state, true);
      showPager(null, NOUN);
      showError('目录检索失败 Catalog search failed', e);
    } finally {
      if (request === listRequest) results.setAttribute('aria-busy', 'false');
    }
  }

  function renderRows(page, state, failed) {
    const body = clear($('rows'));
    const resources = Array.isArray(page.resources) ? page.resources : [];
    if (!resources.length) body.append(emptyRow(10, failed, '没有符合条件的资源。', 'No published resources match the search.'));
    const freshnessCells = new Map();
    for (const listing of resources) {
      const entry = listing.entry || {};
      const retired = listing.status === 'RETIRED';
      const target = Object.assign({}, state, { resource: listing.code, version: null });
      const row = rowLink(target, retired ? 'is-retired' : null,
      cell('资源代码', 'Code', h('span', { class: 'code' }, listing.code)),
      cell('资源名称', 'Name', link(target, { class: 'row-title' }, text(entry.name)),
        retired ? [' ', badge('status', listing.status, 'badge-small')] : null),
      cell('数据格式', 'Data format', formatOf(entry.format)),
      cell('共享方式', 'Sharing method', label('sharingMethod', entry.sharingMethod)),
      cell('共享条件', 'Sharing conditions', conditionsSummary(entry)),
      cell('提供部门', 'Provider', department(entry.providerDepartment)),
      cell('更新周期', 'Update cycle', label('updateCycle', entry.updateCycle)),
      freshnessCells.set(listing.code, cell('数据时效', 'Freshness', retired ? none() : '…')).get(listing.code),
      cell('共享类型', 'Sharing type', badge('sharingType', entry.sharingType)),
      h('td', { 'data-label': '版本 Version', class: 'num' }, 'v' + listing.version));
      body.append(row);
    }
    showSummary(page, failed, NOUN);
    showFreshness(freshnessCells, resources.filter((l) => l.status !== 'RETIRED').map((l) => l.code));
  }

  /** Fills the freshness column once it is known; a failure leaves a dash and says so once. */
  async function showFreshness(cells, codes) {
    const request = listRequest;
    let known = new Map();
    try {
      known = await freshness.load(codes);
    } catch (e) {
      if (request === listRequest) showError('数据时效加载失败 Could not load the freshness', e);
    }
    if (request !== listRequest) return;
    for (const code of codes) clear(cells.get(code)).append(freshness.state(known.get(code)));
  }

  function formatOf(format) {
    if (!format) return none();
    return h('span', { class: 'format' }, label('formatCategory', format.category),
      format.type ? h('span', { class: 'format-type' }, format.type) : null);
  }

  function conditionsSummary(entry) {
    if (entry.sharingType === 'NON_SHARING') {
      const basis = entry.legalBasis;
      return h('span', { class: 'clamp' }, '不予共享 ',
        basis && (basis.law || basis.article) ? '依据 ' + [basis.law, basis.article].filter(Boolean).join(' ') : '');
    }
    if (entry.sharingType === 'UNCONDITIONAL') {
      return h('span', { class: 'muted' }, '无条件 ', h('span', { lang: 'en' }, 'None'));
    }
    if (entry.sharingConditions) {
      return h('span', { class: 'clamp', title: entry.sharingConditions }, entry.sharingConditions);
    }
    const conditions = Array.isArray(entry.conditions) ? entry.conditions : [];
    return conditions.length ? h('span', { class: 'clamp' }, conditions.map((c) => labelText('conditionType', c.type)).join('；'))
      : none();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The detail view

  let detailRequest = 0;

  async function loadDetail(state) {
    const request = ++detailRequest;
    const detail = clear($('detail'));
    detail.setAttribute('aria-busy', 'true');
    detail.append(h('p', { class: 'loading' }, '正在加载… ', h('span', { lang: 'en' }, 'Loading…')));
    const code = state.resource;
    try {
      const [current, history, fresh] = await Promise.allSettled([getJson(API.resource(code)), getJson(API.history(code)),
        freshness.load([code])]);
      await departmentsLoaded;
      if (request !== detailRequest) return;
      if (current.status === 'rejected') throw current.reason;
      const listing = current.value;
      let shown = { version: listing.version, entry: listing.entry, historical: null };
      if (state.version !== null && state.version !== listing.version) {
        const version = await getJson(API.version(code, state.version));
        if (request !== detailRequest) return;
        shown = { version: version.version, entry: version.content, historical: version };
      }
      renderDetail(state, listing, shown, history.status === 'fulfilled' ? history.value : null,
        fresh.status === 'fulfilled' ? fresh.value.get(code) : null);
      if (fresh.status === 'rejected') showError('数据时效加载失败 Could not load the freshness', fresh.reason);
      if (history.status === 'rejected') showError('变更历史加载失败 Could not load the change history', history.reason);
      const title = $('detail-title');
      if (title) title.focus();
    } catch (e) {
      if (request !== detailRequest) return;
      clear(detail).append(h('h2', { id: 'detail-title', tabindex: -1, class: 'detail-title' }, code || '—'),
        h('p', { class: 'muted' }, '未能加载该资源。', h('span', { lang: 'en' }, 'The resource could not be loaded.')));
      showError('资源详情加载失败 Could not load the resource ' + code, e);
    } finally {
      if (request === detailRequest) detail.setAttribute('aria-busy', 'false');
    }
  }

  function fact(key, ...value) {
    const pair = FIELDS[key];
    return [h('dt', null, bi(pair[0], pair[1])), h('dd', null, value)];
  }

  function renderDetail(state, listing, shown, history, fresh) {
    const entry = shown.entry || {};
    const code = listing.code;
    const detail = clear($('detail'));
    document.title = (entry.name || code) + ' · 政务信息资源共享目录 Sharing catalog';

    const header = h('header', { class: 'panel detail-header' },
      h('p', { class: 'detail-code' }, h('span', { class: 'code' }, code),
        h('span', { class: 'version-tag' }, '第 ' + shown.version + ' 版 ', h('span', { lang: 'en' }, 'v' + shown.version))),
      h('h2', { id: 'detail-title', class: 'detail-title', tabindex: -1 }, text(entry.name)),
      h('p', { class: 'detail-badges' },
        badge('sharingType', entry.sharingType),
        badge('status', shown.historical ? 'HISTORICAL' : listing.status),
        label('kind', entry.kind, 'badge badge-neutral'),
        entry.openToPublic ? bi('向社会开放', 'Open to the public', 'badge badge-open') : null),
      entry.summary ? h('p', { class: 'detail-summary' }, entry.summary) : null);
    detail.append(header);

    if (shown.historical) {
      const v = shown.historical;
      detail.append(h('div', { class: 'notice notice-history', role: 'note' },
        h('p', null, h('strong', null, '历史版本 '), h('span', { lang: 'en' }, 'Earlier version'), '：您正在查看第 ' + v.version
          + ' 版（' + labelText('changeKind', v.changeKind) + '，' + dateTime(v.publishedAt) + ' 发布），当前为第 '
          + listing.version + ' 版。',
          h('span', { lang: 'en' }, ' You are viewing version ' + v.version + '; the current version is ' + listing.version + '. ')),
        link(Object.assign({}, state, { version: null }), null,
          '查看当前版本 ', h('span', { lang: 'en' }, 'View the current version'))));
    } else if (listing.status === 'RETIRED') {
      detail.append(h('div', { class: 'notice notice-retired', role: 'note' },
        h('p', null, h('strong', null, '该资源已停用。'), h('span', { lang: 'en' }, ' This resource is retired and no longer shared.'))));
    }

    const classification = entry.classification || {};
    const legal = entry.legalBasis;
    const conditions = Array.isArray(entry.conditions) ? entry.conditions : [];
    const related = Array.isArray(entry.relatedCodes) ? entry.relatedCodes : [];

    detail.append(h('div', { class: 'detail-grid' },
      section('sec-basic', '基本信息', 'Basic information', h('dl', { class: 'facts' },
        fact('code', h('span', { class: 'code' }, text(entry.code || code))),
        fact('name', text(entry.name)),
        fact('classification', classification.resourceClass || classification.item || classification.subItem
          ? h('span', null, '类 ', h('code', null, text(classification.resourceClass)), ' · 项 ', h('code', null, text(classification.item)),
            ' · 目 ', h('code', null, text(classification.subItem)))
          : none()),
        // classification and grade (national regulation Art. 13) and the source department (Art. 19): shown where
        // the rule pack gives them, absent otherwise
        entry.dataCategory ? fact('dataCategory', text(entry.dataCategory)) : null,
        entry.grade ? fact('grade', h('span', { class: 'badge badge-neutral' }, text(entry.grade))) : null,
        fact('kind', label('kind', entry.kind)),
        fact('providerDepartment', departmentFull(entry.providerDepartment)),
        fact('collectingDepartment', departmentFull(entry.collectingDepartment)),
        listing.sourceDepartment ? fact('sourceDepartment', departmentFull(listing.sourceDepartment.department)) : null,
        fact('statutoryDuty', text(entry.statutoryDuty)),
        fact('tier', label('tier', entry.tier)),
        fact('regionCode', text(entry.regionCode)),
        fact('publishDate', text(entry.publishDate)),
        fact('relatedCodes', related.length ? h('ul', { class: 'inline-list' }, related.map((c) => {
          const target = { resource: c, version: null, page: 0, size: state.size };
          return h('li', null, link(target, { class: 'code' }, c));
        })) : none()))),

      h('div', { class: 'detail-stack' },
      section('sec-sharing', '共享与开放', 'Sharing and opening', h('dl', { class: 'facts' },
        fact('sharingType', badge('sharingType', entry.sharingType)),
        fact('sharingConditions', text(entry.sharingConditions)),
        fact('conditions', conditions.length ? h('ul', { class: 'conditions' }, conditions.map((c) =>
          h('li', null, h('span', { class: 'condition-type' }, label('conditionType', c.type)), '：', conditionValue(c)))) : none()),
        fact('sharingMethod', label('sharingMethod', entry.sharingMethod)),
        fact('format', entry.format ? h('span', null, label('formatCategory', entry.format.category),
          entry.format.type ? h('span', { class: 'format-type' }, entry.format.type) : null) : none()),
        fact('updateCycle', label('updateCycle', entry.updateCycle)),
        fact('openToPublic', entry.openToPublic ? bi('是', 'Yes') : bi('否', 'No')),
        fact('openConditions', text(entry.openConditions)))),

      section('sec-legal', '法律法规依据', 'Legal basis',
        legal && (legal.law || legal.article)
          ? h('dl', { class: 'facts' },
            [h('dt', null, bi('法律法规', 'Law or regulation')), h('dd', null, text(legal.law))],
            [h('dt', null, bi('依据条款', 'Article')), h('dd', null, text(legal.article))])
          : h('p', { class: 'muted' }, '未引用法律法规依据。', h('span', { lang: 'en' }, 'No legal basis cited.'))))
    ));

    if (!shown.historical && fresh) {
      detail.append(section('sec-freshness', '数据时效', 'Freshness', freshness.facts(fresh)));
    }
    detail.append(itemsSection(entry.items));
    detail.append(historySection(state, listing, shown, history));
  }

  function conditionValue(condition) {
    const value = condition.value;
    if (value === null || value === undefined || value === '') return none();
    if (condition.type === 'REQUESTER_DEPARTMENTS') {
      const codes = String(value).split(',').map((s) => s.trim()).filter(Boolean);
      return h('span', null, codes.map((c, i) => [i ? '、' : '', department(c)]));
    }
    if (condition.type === 'REQUESTER_TIER') return label('tier', value);
    return h('span', null, String(value));
  }

  function itemsSection(items) {
    const list = Array.isArray(items) ? items : [];
    return section('sec-items', '信息项（' + list.length + '）', 'Data items', itemsTable(list));
  }

  function historySection(state, listing, shown, history) {
    if (!history) {
      return section('sec-history', '变更历史', 'Change history',
        h('p', { class: 'muted' }, '变更历史暂不可用。', h('span', { lang: 'en' }, 'The change history is not available.')));
    }
    const versions = history.slice().sort((a, b) => b.version - a.version);
    const byVersion = new Map(history.map((v) => [v.version, v]));
    const rows = versions.map((v) => {
      const viewing = v.version === shown.version && history.length > 1;
      const isCurrent = v.version === listing.version;
      const target = Object.assign({}, state, { version: isCurrent ? null : v.version });
      return h('tr', { class: viewing ? 'viewing' : null, 'aria-current': viewing ? 'true' : null },
        h('td', { class: 'num', 'data-label': '版本 Version' }, 'v' + v.version,
          isCurrent ? h('span', { class: 'current-tag' }, ' 当前 ', h('span', { lang: 'en' }, 'current')) : null),
        h('td', { 'data-label': '变更类型 Change' }, badge('changeKind', v.changeKind)),
        h('td', { 'data-label': '发布时间 Published' }, h('time', { datetime: v.publishedAt }, dateTime(v.publishedAt))),
        h('td', { 'data-label': '批准人 Approved by' }, text(v.approvedBy)),
        h('td', { 'data-label': '变更内容 What changed' }, changedFields(v, byVersion.get(v.version - 1))),
        h('td', { 'data-label': '提交编号 Submission' }, v.submissionId ? h('code', { class: 'id', title: v.submissionId }, abbreviate(v.submissionId, 8)) : none()),
        h('td', { 'data-label': '操作 Action' }, v.version === shown.version
          ? h('span', { class: 'muted' }, '正在查看 ', h('span', { lang: 'en' }, 'Viewing'))
          : link(target, { class: 'btn btn-small', 'aria-label': '查看第 ' + v.version + ' 版 View version ' + v.version },
          '查看 ', h('span', { lang: 'en' }, 'View'))));
    });
    return section('sec-history', '变更历史', 'Change history', h('div', { class: 'table-wrap' },
      h('table', { class: 'data-table history-table' },
        h('caption', { class: 'visually-hidden' }, '已发布的各版本，最新在前 Published versions, newest first'),
        h('thead', null, h('tr', null,
          h('th', { scope: 'col', class: 'num' }, '版本', h('span', { class: 'en', lang: 'en' }, 'Version')),
          h('th', { scope: 'col' }, '变更类型', h('span', { class: 'en', lang: 'en' }, 'Change')),
          h('th', { scope: 'col' }, '发布时间', h('span', { class: 'en', lang: 'en' }, 'Published')),
          h('th', { scope: 'col' }, '批准人', h('span', { class: 'en', lang: 'en' }, 'Approved by')),
          h('th', { scope: 'col' }, '变更内容', h('span', { class: 'en', lang: 'en' }, 'What changed')),
          h('th', { scope: 'col' }, '提交编号', h('span', { class: 'en', lang: 'en' }, 'Submission')),
          h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, '操作 Action')))),
        h('tbody', null, rows.length ? rows
          : h('tr', { class: 'empty' }, h('td', { colspan: 7 }, bi('暂无已发布版本。', 'No published versions.')))))));
  }

  /** The fields of the entry that differ from the version before (publishDate always does). */
  function changedFields(version, previous) {
    if (version.changeKind === 'NEW' || !previous) return h('span', { class: 'muted' }, '首次发布 ', h('span', { lang: 'en' }, 'First publication'));
    const changed = changedKeys(version.content, previous.content);
    if (version.changeKind === 'RETIRE' && !changed.length) return h('span', null, '资源停用 ', h('span', { lang: 'en' }, 'Retired'));
    if (!changed.length) return h('span', { class: 'muted' }, '内容未变 ', h('span', { lang: 'en' }, 'No field changed'));
    return h('ul', { class: 'inline-list changed' }, changed.map((key) =>
      h('li', null, FIELDS[key][0], h('span', { class: 'en', lang: 'en' }, FIELDS[key][1]))));
  }

  function start() {
    fillEnumSelects();
    page.start();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
