/*
 * 年度考核 Annual assessment (Art. 31): the published reports, read-only.
 *
 * The address says what to show: /assessment/ the published years, /assessment/{year} a year's report (the ranking,
 * a chart of the scores, a chart of each indicator, the trend over the years assessed) and
 * /assessment/{year}/departments/{code} one department's figures with the cases behind each of them. The page shows
 * exactly what the read API lets the signed-in official see: every department the ranking, its own detail; the
 * authority and supervisors every department's. Charts by Apache ECharts, served from the platform's own jar.
 * API strings only ever reach the DOM as text nodes or attribute values, never as markup.
 *
 * API used:
 *   GET /api/me
 *   GET /api/assessments → [{ year, publishedAt, rulePack, ranking: [{ department, name, score, rank }] }]
 *   GET /api/assessments/{year} → { year, rulePack, computedAt, publishedAt, reviewedBy, sha256, seesAll,
 *       indicators: [{ key, name, group, unit, weight }], ranking: [...],
 *       details: [{ department, name, score, rank, figures: { key: { value, score, cases, note } }, opinion, improvements }] }
 *   GET /api/assessments/{year}/departments/{code} → one of details, or 403 for another department's
 *   GET /api/assessments/{year}/report.pdf, figures.csv, figures.xlsx (links)
 */
(function () {
  'use strict';

  const { getJson, h, add, bi, none, text, clear, section, showError, showSignedIn, dateTime } = window.GovSharePage;

  /** The kinds of case with a page, by the prefix of their numbers (see the case pages). */
  const CASE_PAGES = { GX: 'requests', JC: 'corrections', ZY: 'disputes', XS: 'consultations', ZG: 'rectifications' };
  const UNITS = { count: ['个数', 'count'], share: ['比率', 'share'], 'working-days': ['工作日', 'working days'] };
  const charts = [];

  function $(id) {
    return document.getElementById(id);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Figures as a reader reads them

  function figureText(indicator, value) {
    if (value === null || value === undefined) return '—';
    const n = Number(value);
    if (indicator.unit === 'share') return (Math.round(n * 1000) / 10) + '%';
    if (indicator.unit === 'working-days') return (Math.round(n * 10) / 10) + ' 个工作日';
    return String(Math.round(n * 100) / 100);
  }

  function score(value) {
    return value === null || value === undefined ? '—' : String(Math.round(Number(value) * 100) / 100);
  }

  /** A case number as a link to its case page, or as code when its kind has no page (a violation). */
  function caseLink(number) {
    const kind = CASE_PAGES[String(number).split('-')[0]];
    return kind ? h('a', { href: '/cases/' + kind + '/' + encodeURIComponent(number), class: 'code' }, String(number))
      : h('code', null, String(number));
  }

  function yearPath(year) {
    return '/assessment/' + encodeURIComponent(year);
  }

  function departmentPath(year, code) {
    return yearPath(year) + '/departments/' + encodeURIComponent(code);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Charts: ECharts on a canvas, each with a name for screen readers; the tables beside them carry the same figures

  function chart(id, label, option, small) {
    const el = h('div', { id, class: 'chart' + (small ? ' chart-small' : ''), role: 'img', 'aria-label': label });
    requestAnimationFrame(() => {
      if (!window.echarts) {
        add(el, h('p', { class: 'muted' }, '图表组件未加载 ', h('span', { lang: 'en' }, 'The chart library did not load')));
        return;
      }
      const c = window.echarts.init(el, null, { renderer: 'canvas' });
      c.setOption(Object.assign({ animation: false, aria: { enabled: true } }, option));
      charts.push(c);
    });
    return el;
  }

  function barChart(id, label, names, values, shown, max) {
    return chart(id, label, {
      grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: max },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 180, overflow: 'truncate' } },
      tooltip: { trigger: 'axis' },
      series: [{ type: 'bar', data: values, barMaxWidth: 22,
        label: { show: true, position: 'right', formatter: (p) => shown[p.dataIndex] } }]
    }, names.length <= 6);
  }

  function trendChart(years) {
    const names = new Map();
    for (const y of years) for (const r of y.ranking) if (!names.has(r.department)) names.set(r.department, r.name);
    const series = [...names].map(([code, name]) => ({
      type: 'line', name, connectNulls: false, symbolSize: 7,
      data: years.map((y) => {
        const r = y.ranking.find((x) => x.department === code);
        return r ? Number(r.score) : null;
      })
    }));
    return chart('chart-trend', '历年得分趋势 Trend of the scores over the years assessed', {
      grid: { left: 8, right: 24, top: 16, bottom: 48, containLabel: true },
      legend: { bottom: 0, type: 'scroll' },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
      yAxis: { type: 'value', min: 0 },
      series
    });
  }

  window.addEventListener('resize', () => charts.forEach((c) => c.resize()));

  // ---------------------------------------------------------------------------------------------------------------
  // Pages

  function crumbs(...links) {
    add(clear($('crumbs')), h('a', { href: '/assessment/', class: 'btn' }, '全部年度 ', h('span', { lang: 'en' }, 'All years')),
      links.map((l) => [' ', l]));
  }

  async function yearsPage() {
    document.title = '年度考核 Annual assessment · GovShare';
    const years = await getJson('/api/assessments');
    const view = clear($('view'));
    if (!years.length) {
      add(view, h('div', { class: 'notice', role: 'note' }, h('p', null, '尚未公布年度考核结果。 ',
        h('span', { lang: 'en' }, 'No assessment has been published yet.'))));
      return;
    }
    add(view,
      section('years', '已公布的年度考核', 'Published assessments',
        h('ul', { class: 'years-list' }, years.slice().reverse().map((y) => h('li', null,
          h('a', { href: yearPath(y.year) }, y.year + ' 年度考核'), ' ',
          h('span', { class: 'muted' }, '发布于 ' + dateTime(y.publishedAt) + ' · ' + y.ranking.length + ' 个部门'))))),
      section('trend', '历年得分趋势', 'Trend over the years assessed', trendChart(years)));
  }

  /** The report's header: title (text or nodes), a line below it, what it was made from, and the downloads. */
  function header(report, title, subtitle, downloads) {
    return h('header', { class: 'panel detail-header' },
      h('p', { class: 'detail-code' }, bi(report.year + ' 年度', 'Year ' + report.year)),
      h('h2', { class: 'detail-title', id: 'report-title', tabindex: '-1' }, title),
      subtitle ? h('p', { class: 'report-meta report-standing' }, subtitle) : null,
      h('p', { class: 'report-meta' }, '评分规则 ', h('span', { lang: 'en' }, 'Rule pack'), '：', h('code', null, report.rulePack),
        ' · 发布于 ', h('span', { lang: 'en' }, 'Published'), ' ', h('time', { datetime: report.publishedAt }, dateTime(report.publishedAt)),
        report.reviewedBy ? [' · 审核人 ', h('span', { lang: 'en' }, 'Reviewed by'), ' ', h('code', null, report.reviewedBy)] : null),
      report.sha256 ? h('p', { class: 'report-meta' }, 'SHA-256 ', h('code', { class: 'hash' }, report.sha256)) : null,
      downloads ? h('p', { class: 'downloads' },
        h('a', { class: 'btn btn-primary', href: '/api/assessments/' + report.year + '/report.pdf' }, '下载报告 PDF ', h('span', { lang: 'en' }, 'Report')),
        h('a', { class: 'btn', href: '/api/assessments/' + report.year + '/figures.xlsx' }, '指标 XLSX ', h('span', { lang: 'en' }, 'Figures')),
        h('a', { class: 'btn', href: '/api/assessments/' + report.year + '/figures.csv' }, '指标 CSV ', h('span', { lang: 'en' }, 'Figures'))) : null);
  }

  function rankingTable(report, me) {
    const own = me && me.department ? me.department.code : null;
    const visible = new Set(report.details.map((d) => d.department));
    return h('div', { class: 'table-wrap' }, h('table', { class: 'data-table ranking-table' },
      h('caption', { class: 'visually-hidden' }, '各部门排名 Ranking of the departments'),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col', class: 'num' }, '名次', h('span', { class: 'en', lang: 'en' }, 'Rank')),
        h('th', { scope: 'col' }, '部门', h('span', { class: 'en', lang: 'en' }, 'Department')),
        h('th', { scope: 'col', class: 'num' }, '总分', h('span', { class: 'en', lang: 'en' }, 'Score')))),
      h('tbody', null, report.ranking.map((r) => h('tr', { class: r.department === own ? 'is-own' : null },
        h('td', { class: 'num rank' }, String(r.rank)),
        h('td', null, visible.has(r.department)
          ? h('a', { href: departmentPath(report.year, r.department) }, r.name) : r.name,
          r.department === own ? [' ', h('span', { class: 'badge badge-neutral' }, '本部门')] : null),
        h('td', { class: 'num' }, score(r.score)))))));
  }

  function indicatorCharts(report) {
    if (!report.details.length) return null;
    const names = report.details.map((d) => d.name);
    return h('div', { class: 'chart-grid' }, report.indicators.map((indicator, i) => {
      const values = report.details.map((d) => {
        const f = d.figures[indicator.key];
        return f && f.value !== null && f.value !== undefined ? Number(f.value) : null;
      });
      return h('figure', null, h('figcaption', null, indicator.name, ' ',
        h('span', { class: 'muted' }, '（' + (UNITS[indicator.unit] || [indicator.unit])[0] + '）')),
        barChart('chart-indicator-' + i, indicator.name + ' ' + indicator.key, names, values,
          values.map((v) => figureText(indicator, v)), indicator.unit === 'share' ? 1 : null));
    }));
  }

  async function yearPage(year) {
    const [report, years, me] = await Promise.all([getJson('/api/assessments/' + encodeURIComponent(year)),
      getJson('/api/assessments'), showSignedIn($('whoami'), showError)]);
    document.title = report.year + ' 年度考核 Annual assessment · GovShare';
    crumbs();
    const ranked = report.ranking;
    add(clear($('view')),
      header(report, [report.year + ' 年度政务信息资源共享工作考核 ', h('span', { lang: 'en' }, 'Annual assessment')], null, true),
      report.seesAll ? null : h('div', { class: 'notice', role: 'note' }, h('p', null,
        '各部门可查阅全部排名及本部门的考核明细。 ',
        h('span', { lang: 'en' }, 'Every department sees the ranking and its own detail only.'))),
      section('ranking', '排名', 'Ranking', rankingTable(report, me)),
      section('scores', '各部门得分', 'Score per department',
        barChart('chart-scores', '各部门得分 Score per department', ranked.map((r) => r.name),
          ranked.map((r) => Number(r.score)), ranked.map((r) => score(r.score)), null)),
      section('trend', '历年得分趋势', 'Trend over the years assessed',
        trendChart(years.filter((y) => y.year <= report.year))),
      report.details.length ? section('indicators', '各项指标',
        report.seesAll ? 'Each indicator, every department' : 'Each indicator, your department', indicatorCharts(report)) : null);
    $('report-title').focus();
  }

  async function departmentPage(year, code) {
    const [report, me] = await Promise.all([getJson('/api/assessments/' + encodeURIComponent(year)),
      showSignedIn($('whoami'), showError)]);
    crumbs(h('a', { href: yearPath(report.year), class: 'btn' }, report.year + ' 年度 ', h('span', { lang: 'en' }, 'Year')));
    const d = await getJson('/api/assessments/' + encodeURIComponent(year) + '/departments/' + encodeURIComponent(code));
    document.title = d.name + ' · ' + report.year + ' 年度考核 Annual assessment · GovShare';
    const indicators = report.indicators;
    add(clear($('view')),
      header(report, d.name, ['第 ' + d.rank + ' 名，共 ' + report.ranking.length + ' 个部门 · 总分 ' + score(d.score) + ' ',
        h('span', { lang: 'en' }, 'Rank ' + d.rank + ' of ' + report.ranking.length + ', score ' + score(d.score))], true),
      section('figures', '考核指标', 'Figures', figuresTable(indicators, d)),
      section('indicator-scores', '各项指标得分', 'Score of each indicator',
        barChart('chart-department', d.name + ' 各项指标得分 Score of each indicator', indicators.map((i) => i.name),
          indicators.map((i) => (d.figures[i.key] && d.figures[i.key].score !== null ? Number(d.figures[i.key].score) : null)),
          indicators.map((i) => score(d.figures[i.key] ? d.figures[i.key].score : null)), null)),
      section('opinion', '审核意见', 'Opinion', h('p', { class: 'prose' }, text(d.opinion)),
        d.improvements.length ? [h('h4', null, '改进要求 ', h('span', { lang: 'en' }, 'Improvements')),
          h('ol', { class: 'improvements' }, d.improvements.map((i) => h('li', null, i)))] : null),
      section('cases', '依据案卷', 'Cases behind the figures', casesOf(indicators, d)));
    $('report-title').focus();
  }

  function figuresTable(indicators, d) {
    return h('div', { class: 'table-wrap' }, h('table', { class: 'data-table figures-table' },
      h('caption', { class: 'visually-hidden' }, '考核指标 Figures'),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, '指标', h('span', { class: 'en', lang: 'en' }, 'Indicator')),
        h('th', { scope: 'col', class: 'num' }, '数值', h('span', { class: 'en', lang: 'en' }, 'Value')),
        h('th', { scope: 'col', class: 'num' }, '得分', h('span', { class: 'en', lang: 'en' }, 'Score')),
        h('th', { scope: 'col', class: 'num' }, '依据案卷', h('span', { class: 'en', lang: 'en' }, 'Cases')),
        h('th', { scope: 'col' }, '备注', h('span', { class: 'en', lang: 'en' }, 'Note')))),
      h('tbody', null, indicators.map((i) => {
        const f = d.figures[i.key] || { cases: [] };
        return h('tr', null, h('td', null, i.name),
          h('td', { class: 'num' }, figureText(i, f.value)),
          h('td', { class: 'num' }, score(f.score)),
          h('td', { class: 'num' }, f.cases.length ? h('a', { href: '#cases-' + i.key }, String(f.cases.length)) : '0'),
          h('td', null, text(f.note)));
      }))));
  }

  /** The drill-down: for each figure, the cases behind it, each a link to its case page. */
  function casesOf(indicators, d) {
    const groups = indicators.filter((i) => d.figures[i.key] && d.figures[i.key].cases.length);
    if (!groups.length) return h('p', { class: 'muted' }, '没有案卷。 ', h('span', { lang: 'en' }, 'No case behind these figures.'));
    return groups.map((i) => h('div', { class: 'case-group', id: 'cases-' + i.key },
      h('h4', null, i.name, ' ', h('span', { class: 'muted' }, '（' + d.figures[i.key].cases.length + ' 件）')),
      h('ul', { class: 'case-list inline-list' }, d.figures[i.key].cases.map((c) => h('li', null, caseLink(c))))));
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** /assessment/, /assessment/{year} or /assessment/{year}/departments/{code}. */
  function route(path) {
    const year = /^\/assessment\/(\d{4})\/?$/.exec(path);
    if (year) return () => yearPage(year[1]);
    const department = /^\/assessment\/(\d{4})\/departments\/([^/]+)\/?$/.exec(path);
    if (department) return () => departmentPage(department[1], decodeURIComponent(department[2]));
    return () => {
      showSignedIn($('whoami'), showError);
      return yearsPage();
    };
  }

  async function start() {
    const view = $('view');
    try {
      await route(location.pathname)();
    } catch (e) {
      clear(view);
      showError('考核结果无法显示 The assessment cannot be shown', e, {
        403: ['各部门只能查阅本部门的考核明细。', 'A department sees its own detail only.'],
        404: ['该年度的考核结果尚未公布。', 'That year\'s assessment has not been published.']
      });
    } finally {
      view.setAttribute('aria-busy', 'false');
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
