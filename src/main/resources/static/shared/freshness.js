/*
 * 数据时效 Freshness: how up to date a published resource is today (docs/timeliness.md), as the catalog page and the
 * case pages show it. Text only, never markup.
 *
 * API used:
 *   GET /api/freshness?resource={code}&resource={code}… (at most 100 codes; published ones answer)
 */
window.GovShareFreshness = (function () {
  'use strict';

  const { getJson, h, bi, none, dateTime } = window.GovSharePage;
  const { label } = window.GovShareCatalog;

  const MAX_CODES = 100;

  /** The freshness of these resources, by code; a resource not published is absent. */
  async function load(codes) {
    const unique = [...new Set(codes.filter(Boolean))].slice(0, MAX_CODES);
    if (!unique.length) return new Map();
    const list = await getJson('/api/freshness?' + unique.map((c) => 'resource=' + encodeURIComponent(c)).join('&'));
    return new Map((Array.isArray(list) ? list : []).map((f) => [f.resourceCode, f]));
  }

  /** 按时更新, 逾期N天 (behind within the grace, or past it), or 接口实时提供 for a provider's service. */
  function state(f) {
    if (!f) return none();
    if (f.state === 'LIVE') return bi('接口实时提供', 'Live from the provider', 'badge badge-small badge-neutral');
    if (f.state === 'ON_TIME') return bi('按时更新', 'On time', 'badge badge-small badge-fresh');
    const days = Number(f.daysLate) || 0;
    return bi('逾期' + days + '天', days + (days === 1 ? ' day' : ' days') + ' late',
      'badge badge-small ' + (f.state === 'LATE' ? 'badge-late' : 'badge-behind'));
  }

  function lastVersion(f) {
    if (f.state === 'LIVE') return bi('由提供部门接口实时提供，无版本', 'Served live by the provider, no versions', 'muted');
    if (!f.lastVersion) {
      return h('span', null, bi('尚未推送数据', 'Nothing pushed yet'), ' · ', bi('发布于', 'published'), ' ',
        h('time', { datetime: f.lastVersionAt }, dateTime(f.lastVersionAt)));
    }
    return h('span', null, '第 ' + f.lastVersion + ' 版 ', h('span', { class: 'en', lang: 'en' }, 'v' + f.lastVersion),
      ' · ', h('time', { datetime: f.lastVersionAt }, dateTime(f.lastVersionAt)));
  }

  /** The whole of it for one resource: its state, last version, cycle, due day and grace. */
  function facts(f) {
    if (!f) return h('p', { class: 'muted' }, bi('该资源未发布，没有数据时效。', 'Not published: no freshness.'));
    const row = (zh, en, ...value) => [h('dt', null, bi(zh, en)), h('dd', null, value)];
    return h('dl', { class: 'facts freshness' },
      row('数据时效', 'Freshness', state(f)),
      row('最新版本', 'Last version', lastVersion(f)),
      row('更新周期', 'Update cycle', label('updateCycle', f.updateCycle)),
      f.state === 'LIVE' ? null : row('应更新日期', 'Next version due by', h('time', { datetime: f.dueOn }, f.dueOn)),
      f.state === 'LIVE' || f.state === 'ON_TIME' ? null
        : row('宽限截止', 'Grace ends', h('time', { datetime: f.graceEndsOn }, f.graceEndsOn),
          f.state === 'LATE' ? [' ', bi('已过宽限期，记为违规线索', 'past the grace: a finding for supervision', 'muted')] : null));
  }

  return { load, state, facts };
})();
