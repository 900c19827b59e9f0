/*
 * The catalog's vocabulary, shared by the catalog page and the case pages: a label in Chinese and English for every
 * value an entry can hold, the labels of the entry's fields, and the data items table. Text only, never markup.
 */
window.GovShareCatalog = (function () {
  'use strict';

  const { h, bi, none, text, yesNo } = window.GovSharePage;

  // ---------------------------------------------------------------------------------------------------------------
  // Labels: Simplified Chinese with English beside them

  const LABELS = {
    kind: {
      BASIC: ['基础', 'Basic'],
      THEMATIC: ['主题', 'Thematic'],
      PROFESSIONAL: ['部门', 'Professional']
    },
    sharingType: {
      UNCONDITIONAL: ['无条件共享', 'Unconditional'],
      CONDITIONAL: ['有条件共享', 'Conditional'],
      NON_SHARING: ['不予共享', 'Not shared']
    },
    updateCycle: {
      REAL_TIME: ['实时', 'Real time'],
      DAILY: ['每日', 'Daily'],
      WEEKLY: ['每周', 'Weekly'],
      MONTHLY: ['每月', 'Monthly'],
      QUARTERLY: ['每季度', 'Quarterly'],
      YEARLY: ['每年', 'Yearly']
    },
    tier: {
      MUNICIPAL: ['市级', 'Municipal'],
      DISTRICT: ['区县', 'District']
    },
    sharingMethod: {
      HOSTED_DATASET: ['平台数据集', 'Hosted dataset'],
      PROVIDER_SERVICE: ['部门接口服务', 'Provider service']
    },
    formatCategory: {
      STRUCTURED_TABLE: ['结构化数据表', 'Structured table'],
      DOCUMENT: ['文件', 'Document'],
      IMAGE: ['图像', 'Image'],
      AUDIO_VIDEO: ['音视频', 'Audio/video'],
      SPATIAL: ['空间地理', 'Spatial'],
      API: ['接口', 'API']
    },
    sensitivity: {
      PUBLIC: ['公开', 'Public'],
      INTERNAL: ['内部', 'Internal'],
      PERSONAL: ['个人隐私', 'Personal'],
      COMMERCIAL_SECRET: ['商业秘密', 'Commercial secret'],
      STATE_SECRET: ['国家秘密', 'State secret']
    },
    conditionType: {
      PURPOSE_REQUIRED: ['须说明用途', 'Purpose required'],
      LEGAL_DUTY_REQUIRED: ['须说明法定职责', 'Legal duty required'],
      REQUESTER_TIER: ['限定申请部门层级', 'Requester tier'],
      REQUESTER_DEPARTMENTS: ['限定申请部门', 'Requester departments'],
      FIELDS_LIMITED_TO: ['限定信息项', 'Data items limited to'],
      MAX_GRANT_DAYS: ['最长授权天数', 'Longest grant (days)']
    },
    itemKind: {
      ID_NUMBER: ['公民身份号码', 'ID number'],
      PERSON_NAME: ['姓名', 'Person name'],
      MOBILE: ['手机号码', 'Mobile number'],
      ADDRESS: ['地址', 'Address'],
      TEXT: ['其他文本', 'Other text']
    },
    changeKind: {
      NEW: ['新增', 'New'],
      CHANGE: ['变更', 'Change'],
      RETIRE: ['停用', 'Retirement']
    },
    status: {
      PUBLISHED: ['已发布', 'Published'],
      RETIRED: ['已停用', 'Retired'],
      HISTORICAL: ['历史版本', 'Earlier version']
    }
  };

  /** Labels of the entry's fields, for the detail view and for "what changed" in the history. */
  const FIELDS = {
    code: ['资源代码', 'Code'],
    name: ['资源名称', 'Name'],
    summary: ['资源摘要', 'Summary'],
    providerDepartment: ['资源提供部门', 'Provider'],
    collectingDepartment: ['数据采集部门', 'Collecting department'],
    statutoryDuty: ['法定职责', 'Statutory duty'],
    kind: ['资源库类别', 'Kind'],
    classification: ['资源分类', 'Classification'],
    dataCategory: ['数据分类', 'Data classification'],
    grade: ['数据分级', 'Data grade'],
    sourceDepartment: ['数源部门', 'Source department'],
    format: ['数据格式', 'Data format'],
    items: ['信息项', 'Data items'],
    sharingType: ['共享类型', 'Sharing type'],
    sharingConditions: ['共享条件', 'Sharing conditions'],
    conditions: ['可机读共享条件', 'Machine-readable conditions'],
    legalBasis: ['法律法规依据', 'Legal basis'],
    sharingMethod: ['共享方式', 'Sharing method'],
    openToPublic: ['是否向社会开放', 'Open to the public'],
    openConditions: ['开放条件', 'Conditions of opening'],
    updateCycle: ['更新周期', 'Update cycle'],
    publishDate: ['发布日期', 'Publish date'],
    relatedCodes: ['关联资源代码', 'Related resources'],
    tier: ['层级', 'Tier'],
    regionCode: ['行政区划代码', 'Region code']
  };

  const SENSITIVE = ['PERSONAL', 'COMMERCIAL_SECRET', 'STATE_SECRET'];

  const { label, labelText, badge } = window.GovSharePage.vocabulary(LABELS);

  function sensitivityBadge(value) {
    const marks = { PERSONAL: '●', COMMERCIAL_SECRET: '◆', STATE_SECRET: '■' };
    const el = badge('sensitivity', value);
    if (marks[value]) el.prepend(h('span', { 'aria-hidden': 'true', class: 'mark' }, marks[value] + ' '));
    return el;
  }

  /**
   * The data items as a table (name, type, length, sensitivity, key, required, kind), after a note counting the
   * sensitive ones; id names the table for the page.
   */
  function itemsTable(items, id) {
    const list = Array.isArray(items) ? items : [];
    const counts = {};
    for (const item of list) if (SENSITIVE.includes(item.sensitivity)) counts[item.sensitivity] = (counts[item.sensitivity] || 0) + 1;
    const sensitive = Object.keys(counts);
    const note = sensitive.length
      ? h('p', { class: 'notice notice-sensitive' }, h('strong', null, '含敏感信息项 '),
        h('span', { lang: 'en' }, 'Sensitive data items'), '：',
        SENSITIVE.filter((s) => counts[s]).map((s, i) => [i ? '，' : '', labelText('sensitivity', s) + ' × ' + counts[s]]),
        '。依据第十九条，使用时须依法保护。', h('span', { lang: 'en' }, ' Protect them as Art. 19 requires.'))
      : null;
    const th = (zh, en, cls) => h('th', { scope: 'col', class: cls }, zh, h('span', { class: 'en', lang: 'en' }, en));
    const table = h('div', { class: 'table-wrap' }, h('table', { class: 'data-table items-table', id: id },
      h('caption', { class: 'visually-hidden' }, '信息项及其敏感级别 Data items and their sensitivity'),
      h('thead', null, h('tr', null,
        th('序号', 'No.', 'num col-no'), th('信息项名称', 'Name'), th('数据类型', 'Type', 'col-type'),
        th('长度', 'Length', 'num col-length'), th('敏感级别', 'Sensitivity', 'col-sensitivity'),
        th('主键', 'Key'), th('必填', 'Required'), th('内容类型', 'Kind'))),
      h('tbody', null, list.length ? list.map((item, i) => h('tr', {
        class: SENSITIVE.includes(item.sensitivity) ? 'sensitive sensitive-' + String(item.sensitivity).toLowerCase().replace(/_/g, '-') : null
      },
      h('td', { class: 'num', 'data-label': '序号 No.' }, String(i + 1)),
      h('td', { 'data-label': '信息项名称 Name' }, text(item.name)),
      h('td', { 'data-label': '数据类型 Type' }, h('code', null, text(item.type))),
      h('td', { class: 'num', 'data-label': '长度 Length' }, item.length === null || item.length === undefined ? none() : String(item.length)),
      h('td', { 'data-label': '敏感级别 Sensitivity' }, sensitivityBadge(item.sensitivity)),
      h('td', { 'data-label': '主键 Key' }, yesNo(item.key)),
      // a key item is always required (CatalogEntry.DataItem#isRequired)
      h('td', { 'data-label': '必填 Required' }, yesNo(item.key || item.required)),
      h('td', { 'data-label': '内容类型 Kind' }, label('itemKind', item.kind || 'TEXT'))))
        : h('tr', { class: 'empty' }, h('td', { colspan: 8 }, bi('未列出信息项。', 'No data items listed.'))))));
    return [note, table];
  }

  /** The fields of an entry that differ between two versions of it (a publish date is not a change). */
  function changedKeys(now, before) {
    const value = (entry, key) => JSON.stringify(entry[key] === undefined ? null : entry[key]);
    return Object.keys(FIELDS).filter((key) => key !== 'publishDate' && value(now || {}, key) !== value(before || {}, key));
  }

  return Object.freeze({ LABELS, FIELDS, SENSITIVE, label, labelText, badge, sensitivityBadge, itemsTable, changedKeys });
})();
