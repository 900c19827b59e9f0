/*
 * 审计日志查询 Audit trail: a read-only search page over the audit API, for the sharing authority and supervisors.
 *
 * Served behind HTTP Basic authentication like the API; the browser sends the same credentials with every fetch to
 * /api/... (same origin). The search (filters, page, the event opened) lives in the URL query string, so a view can
 * be bookmarked. Times are shown, and typed, in Beijing time (Asia/Shanghai); the API takes and gives instants.
 * API strings only ever reach the DOM as text nodes or attribute values, never as markup.
 *
 * API used:
 *   GET /api/me
 *   GET /api/departments
 *   GET /api/audit?q=&actor=&department=&action=&objectType=&objectId=&outcome=&from=&to=&page=&size=
 *       → { total, page, size, events: [{ seq, id, time, actor, actorDepartment, action, objectType, objectId,
 *                                        outcome, reason, correlationId, details, hash }] }
 *   GET /api/audit/verify
 *       → { intact, eventsChecked, firstBrokenSeq, firstBrokenId, problem }
 */
(function () {
  'use strict';

  const { getJson, h, add, none, text, clear, vocabulary, loadDepartments, department } = window.GovSharePage;
  const dateTimeOf = window.GovSharePage.dateTime;

  // ---------------------------------------------------------------------------------------------------------------
  // API

  const API = {
    me: '/api/me',
    departments: '/api/departments',
    audit: '/api/audit',
    verify: '/api/audit/verify'
  };

  /** The query parameters AuditQuery reads, besides page and size. */
  const FILTERS = ['q', 'actor', 'department', 'action', 'objectType', 'objectId', 'outcome', 'from', 'to'];
  const TIME_FILTERS = ['from', 'to'];
  const DEFAULT_SIZE = 50;
  const NOUN = ['事件', 'event', 'events'];
  const GENESIS = '0'.repeat(64);

  // ---------------------------------------------------------------------------------------------------------------
  // Labels: Simplified Chinese with English beside them; one for every AuditAction and Outcome

  const LABELS = {
    action: {
      LOGIN_SUCCEEDED: ['登录成功', 'Login succeeded'],
      LOGIN_FAILED: ['登录失败', 'Login failed'],
      LOGOUT: ['退出登录', 'Logout'],
      AUTHENTICATION_REQUIRED: ['未提供凭据', 'Authentication required'],
      ACCESS_DENIED: ['拒绝访问', 'Access denied'],
      INPUT_REJECTED: ['输入被拒', 'Input rejected'],
      RATE_LIMITED: ['超出频率限制', 'Rate limited'],
      RATE_LIMIT_WINDOW_CLOSED: ['限流窗口结束（拒绝次数）', 'Rate-limit window closed (refusals counted)'],
      REFUSALS_SUMMARISED: ['拒绝汇总（超出逐条记录上限）', 'Refusals summarised (past the per-caller record cap)'],
      REQUEST_FAILED: ['请求失败', 'Request failed'],

      DEPARTMENT_REGISTERED: ['部门登记', 'Department registered'],
      OFFICIAL_REGISTERED: ['人员登记', 'Official registered'],
      ROLE_GRANTED: ['角色授予', 'Role granted'],
      ROLE_REQUESTED: ['角色申请', 'Role requested'],

      SYSTEM_REGISTERED: ['接入系统登记', 'System registered'],
      SYSTEM_CREDENTIAL_ROTATED: ['系统凭据轮换', 'System credential rotated'],
      SYSTEM_REVOKED: ['接入系统撤销', 'System revoked'],

      PROCESS_STARTED: ['流程启动', 'Process started'],
      PROCESS_ENDED: ['流程结束', 'Process ended'],
      TASK_ASSIGNED: ['任务分配', 'Task assigned'],
      TASK_COMPLETED: ['任务完成', 'Task completed'],
      ADMIN_CHANGE: ['管理变更', 'Admin change'],
      OPERATOR_ACTION: ['运维操作', 'Operator action'],

      CATALOG_SUBMITTED: ['目录提交', 'Catalog entry submitted'],
      CATALOG_REVIEWED: ['目录审核', 'Catalog entry reviewed'],
      CATALOG_RETURNED: ['目录退回', 'Catalog entry returned'],
      CATALOG_REVISED: ['目录修改', 'Catalog entry revised'],
      CATALOG_RESUBMITTED: ['目录重新提交', 'Catalog entry resubmitted'],
      CATALOG_PUBLISHED: ['目录发布', 'Catalog entry published'],
      CATALOG_RETIRED: ['目录停用', 'Catalog entry retired'],
      CATALOG_WITHDRAWN: ['目录撤回', 'Catalog submission withdrawn'],
      CATALOG_REVIEW_OVERDUE: ['目录审核超期', 'Catalog review overdue'],
      CATALOG_IMPORTED: ['目录导入', 'Catalog imported'],
      CATALOG_HEAD_APPROVED: ['负责人批准目录申报', 'Catalog submission approved by head'],
      CATALOG_HEAD_RETURNED: ['负责人退回目录申报', 'Catalog submission returned by head'],
      CATALOG_CHANGE_RECORDED: ['记录依据或职责变化', 'Change of law or duties recorded'],
      CATALOG_UPDATE_EXTENSION_ASKED: ['申请延长目录更新期限', 'Catalog update extension asked'],
      CATALOG_UPDATE_EXTENSION_DECIDED: ['目录更新延期决定', 'Catalog update extension decided'],
      CATALOG_CHANGE_ANSWERED: ['目录已按变化更新', 'Catalog updated for a change'],
      CATALOG_UPDATE_OVERDUE: ['目录更新超期', 'Catalog update overdue'],
      CATALOG_SOURCE_DEPARTMENT_NAMED: ['确定数源部门', 'Source department named'],
      NEED_RECORDED: ['共享需求登记', 'Sharing need recorded'],
      RULES_RELOADED: ['规则重新加载', 'Rules reloaded'],
      RULES_VALIDATED: ['规则校验', 'Rules validated'],

      REQUEST_SUBMITTED: ['共享申请提交', 'Request submitted'],
      REQUEST_DECIDED: ['共享申请审核', 'Request decided'],
      REQUEST_REPLIED: ['共享申请答复', 'Request replied'],
      REQUEST_REPLY_REMINDED: ['答复催办', 'Reply reminded'],
      REQUEST_REPLY_OVERDUE: ['答复超期', 'Reply overdue'],
      REQUEST_ESCALATION_DECIDED: ['上报裁定', 'Escalation decided'],
      REQUEST_GRANTED: ['共享申请批准', 'Request granted'],
      REQUEST_REFUSED: ['共享申请拒绝', 'Request refused'],
      REQUEST_WITHDRAWN: ['共享申请撤回', 'Request withdrawn'],
      REQUEST_REQUESTER_HEAD_DECIDED: ['申请单位负责人审批', 'Requester head decided'],
      REQUEST_CONFORMITY_CHECKED: ['合规审查', 'Conformity checked'],
      REQUEST_PROVIDER_HEAD_DECIDED: ['提供单位负责人审批答复', 'Provider head decided'],
      REQUEST_REPLY_DUE_MOVED: ['答复期限变更', 'Reply deadline moved'],
      GRANT_ISSUED: ['授权签发', 'Grant issued'],
      GRANT_REVOKED: ['授权撤销', 'Grant revoked'],
      GRANT_EXPIRED: ['授权到期', 'Grant expired'],
      VIOLATION_RECORDED: ['违规记录', 'Violation recorded'],

      DATA_ACCESSED: ['数据访问', 'Data accessed'],
      DATA_PUSHED: ['数据推送', 'Data pushed'],

      CORRECTION_REPORTED: ['纠错提交', 'Correction reported'],
      CORRECTION_TRIAGED: ['纠错分派', 'Correction triaged'],
      CORRECTION_VERIFIED: ['纠错核实', 'Correction verified'],
      CORRECTION_REMINDED: ['纠错催办', 'Correction reminded'],
      CORRECTION_OVERDUE: ['纠错超期', 'Correction overdue'],
      CORRECTION_CLOSED: ['纠错办结', 'Correction closed'],
      CORRECTION_EVIDENCE_READ: ['纠错证据查阅', 'Correction evidence read'],
      CORRECTION_PUBLISHED: ['纠错公示核实中', 'Correction published as under verification'],

      CALENDAR_LOADED: ['工作日历加载', 'Calendar loaded'],

      PROVIDER_SERVICE_REGISTERED: ['部门接口服务登记', 'Provider service registered'],

      CONSULTATION_STARTED: ['采集征询发起', 'Consultation started'],
      CONSULTATION_ANSWERED: ['采集征询答复', 'Consultation answered'],
      CONSULTATION_TALLIED: ['采集征询汇总', 'Consultation tallied'],
      CONSULTATION_RULED: ['采集征询裁定', 'Consultation ruled'],
      CONSULTATION_REGISTERED: ['采集征询登记', 'Consultation registered'],
      CONSULTATION_COLLECTED: ['采集完成', 'Consultation collected'],
      NEED_MET: ['需求满足', 'Need met'],

      DISPUTE_FILED: ['争议提出', 'Dispute filed'],
      DISPUTE_STATEMENTS_REQUESTED: ['争议陈述征询', 'Dispute statements requested'],
      DISPUTE_STATEMENT_GIVEN: ['争议陈述提交', 'Dispute statement given'],
      STATEMENT_MISSED: ['陈述逾期', 'Statement missed'],
      DISPUTE_MEETING_RECORDED: ['协调会议记录', 'Dispute meeting recorded'],
      DISPUTE_RULED: ['争议裁定', 'Dispute ruled'],
      DISPUTE_WITHDRAWN: ['争议撤回', 'Dispute withdrawn'],

      RECTIFICATION_STARTED: ['限期整改启动', 'Rectification started'],
      RECTIFICATION_NOTICE_SENT: ['整改通知送达', 'Rectification notice sent'],
      RECTIFICATION_REPORTED: ['整改报告提交', 'Rectification reported'],
      RECTIFICATION_VERIFIED: ['整改核查', 'Rectification verified'],
      RECTIFICATION_ACCEPTED: ['整改验收', 'Rectification accepted'],
      RECTIFICATION_OVERDUE: ['整改逾期', 'Rectification overdue'],
      CRITICISM_DRAFTED: ['通报批评拟稿', 'Criticism drafted'],
      CRITICISM_PUBLISHED: ['通报批评发布', 'Criticism published'],
      RECTIFICATION_REFERRED: ['移送处理', 'Rectification referred'],
      REFERRAL_DECIDED: ['移送决定', 'Referral decided'],
      VIOLATION_CONFIRMED: ['疑似违规认定', 'Suspected violation confirmed'],
      VIOLATION_DISMISSED: ['疑似违规排除', 'Suspected violation dismissed'],
      DETECTION_STARTED: ['启动违规检测', 'Detection started'],
      DETECTION_RAN: ['违规检测运行', 'Detection ran'],
      TIMELINESS_REMINDED: ['数据时效提醒', 'Timeliness reminded'],
      COMPLAINT_LODGED: ['投诉提交', 'Complaint lodged'],
      COMPLAINT_ROUTED: ['投诉转办', 'Complaint routed'],
      COMPLAINT_EVIDENCE_DOWNLOADED: ['投诉证据下载', 'Complaint evidence downloaded'],
      COMPLAINT_STATEMENT_REQUESTED: ['要求被投诉方说明', 'Statement requested'],
      COMPLAINT_STATEMENT_GIVEN: ['被投诉方说明', 'Statement given'],
      COMPLAINT_STATEMENT_MISSED: ['逾期未说明', 'Statement missed'],
      COMPLAINT_INVESTIGATION_REMINDED: ['投诉调查提醒', 'Investigation reminded'],
      COMPLAINT_INVESTIGATION_ESCALATED: ['投诉调查逾期上报', 'Investigation escalated'],
      COMPLAINT_FOUND: ['投诉调查结论', 'Complaint found'],
      COMPLAINT_WITHDRAWN: ['投诉撤回', 'Complaint withdrawn'],
      DISPUTE_ESCALATED: ['争议报请政府决定', 'Dispute taken to the government'],
      DISPUTE_RULING_FINAL: ['协调结果生效', 'Ruling final'],
      DISPUTE_GOVERNMENT_DECISION_RECORDED: ['政府决定已登记', 'Government decision recorded'],
      COMPLAINANT_READ: ['查阅投诉人信息', 'Complainant read'],
      ASSESSMENT_STARTED: ['年度考核启动', 'Assessment started'],
      ASSESSMENT_SKIPPED: ['年度考核跳过', 'Assessment skipped'],
      ASSESSMENT_COMPUTED: ['考核指标计算', 'Assessment computed'],
      ASSESSMENT_REVIEWED: ['考核评议', 'Assessment reviewed'],
      ASSESSMENT_REVIEW_REMINDED: ['考核评议提醒', 'Assessment review reminded'],
      ASSESSMENT_REVIEW_COMPLETED: ['考核评议完成', 'Assessment review completed'],
      ASSESSMENT_PUBLISHED: ['考核结果发布', 'Assessment published'],

      AUDIT_SEARCHED: ['审计查询', 'Audit searched'],
      AUDIT_VERIFIED: ['审计链校验', 'Audit chain verified'],
      CHECKPOINT_MADE: ['审计链检查点', 'Audit checkpoint made'],
      EVIDENCE_PACKAGE_MADE: ['证据包生成', 'Evidence package made'],
      GRANT_DELIVERED: ['约定数据已提供', 'Agreed data delivered'],
      GRANT_PURPOSE_MET: ['授权用途已完成', 'Grant purpose met'],
      DISPOSAL_REQUIREMENTS_STATED: ['处置要求已提出', 'Disposal requirements stated'],
      DISPOSAL_REQUESTED: ['要求处置共享数据', 'Disposal requested'],
      DISPOSAL_ATTESTED: ['数据处置已确认', 'Disposal attested'],
      DISPOSAL_OVERDUE: ['数据处置逾期', 'Disposal overdue'],
      USAGE_RECORD_ADDED: ['使用记录登记', 'Usage record added'],
      USAGE_RECORD_FILE_READ: ['使用记录附件下载', 'Usage record file read'],
      USAGE_RECORD_DELETED: ['使用记录删除', 'Usage record deleted'],

      REPLY_EXTENSION_ASKED: ['申请延长答复期限', 'Reply extension asked'],
      REPLY_EXTENSION_APPROVED: ['同意延长答复期限', 'Reply extension approved'],
      REPLY_EXTENSION_REFUSED: ['不同意延长答复期限', 'Reply extension refused'],
      REPLY_EXTENSION_LAPSED: ['延期申请逾期未决', 'Reply extension lapsed undecided'],
      MATERIALS_NOTICE_SENT: ['一次性告知补正材料', 'Missing materials notified'],
      MATERIALS_SUPPLEMENTED: ['补正材料', 'Materials supplemented'],
      MATERIALS_NOTICE_SUPERSEDED: ['补正通知因申请已结束而关闭', 'Materials notice closed: the request ended first'],
      REQUEST_LAPSED: ['逾期未补正，申请终止', 'Request lapsed (no supplement)'],

      DOCUMENT_ISSUED: ['文书签发', 'Document issued'],
      EXTRACT_SEALED: ['数据摘录签章', 'Extract sealed'],
      LICENCE_ISSUED: ['电子证照签发', 'Licence issued'],
      LICENCE_REVOKED: ['电子证照撤销', 'Licence revoked'],
      SEAL_CERTIFICATE_ISSUED: ['签章证书签发', 'Seal certificate issued'],
      SEAL_CERTIFICATE_REVOKED: ['签章证书撤销', 'Seal certificate revoked'],
      SEAL_MADE: ['电子签章', 'Seal made'],
      SEAL_VERIFIED: ['签章验证', 'Seal verified'],
      DEPARTMENT_SEAL_MADE: ['电子印章制作', 'Department seal made'],
      DEPARTMENT_SEAL_REVOKED: ['电子印章撤销', 'Department seal revoked'],

      GRANT_TERMINATED: ['授权终止', 'Grant terminated'],
      SHARING_SUSPENDED: ['暂停共享', 'Sharing suspended'],
      SHARING_SUSPENSION_REPORTED: ['暂停期间整改报告', 'Suspension rectification reported'],
      SHARING_RESTORED: ['恢复共享', 'Sharing restored'],
      SHARING_TERMINATED: ['终止共享', 'Sharing terminated'],
      SHARING_CHANGE_FILED: ['资源退出或变更报备', 'Resource retirement or change filed'],
      SHARING_CHANGE_ANSWERED: ['使用部门答复征询', 'Holder answered the consultation'],
      SHARING_CHANGE_DECIDED: ['报备审核', 'Filing decided'],
      SHARING_CHANGE_MADE: ['资源退出或变更生效', 'Resource retirement or change made']
    },
    outcome: {
      OK: ['成功', 'OK'],
      REFUSED: ['被拒绝', 'Refused'],
      FAILED: ['失败', 'Failed']
    }
  };

  /** Object types the platform records, offered as suggestions; any other may be typed. */
  const OBJECT_TYPES = ['audit-trail', 'calendar', 'catalog-import', 'catalog-submission', 'department', 'grant',
    'hosted-dataset', 'http-request', 'licence', 'official', 'process-instance', 'provider-service', 'registered-system',
    'resource', 'rules', 'sharing-need', 'task', 'violation', 'webapp'];

  /** Every field of an event, in the order of docs/audit-events.md. */
  const FIELDS = [
    ['seq', '序号', 'Seq'],
    ['id', '事件编号', 'Event id'],
    ['time', '时间', 'Time (Beijing)'],
    ['actor', '操作人', 'Actor'],
    ['actorDepartment', '操作人部门', 'Actor department'],
    ['action', '操作类型', 'Action'],
    ['objectType', '对象类型', 'Object type'],
    ['objectId', '对象编号', 'Object id'],
    ['outcome', '结果', 'Outcome'],
    ['reason', '原因', 'Reason'],
    ['correlationId', '关联编号', 'Correlation id'],
    ['details', '详情', 'Details'],
    ['prevHash', '前一哈希', 'Previous hash'],
    ['hash', '哈希', 'Hash']
  ];

  const { label, badge } = vocabulary(LABELS);

  // The list page's state in the URL, routing, form, pager and messages come from /shared/list-page.js

  const page = window.GovShareListPage.listPage({
    filters: FILTERS,
    paging: ['page', 'size'],
    defaultSize: DEFAULT_SIZE,
    detail: ['event'],
    hints: {
      403: ['审计日志仅限共享主管部门与监督人员查阅。', 'Only the sharing authority and supervisors may read the audit trail.']
    },
    listTitle: '审计日志查询 Audit trail · GovShare',
    fillForm,
    formState,
    showList: loadList,
    showDetail: loadDetail
  });
  const { $, showError, readState, apiParams, link, cell, rowLink, emptyRow, showSummary, showPager } = page;

  // ---------------------------------------------------------------------------------------------------------------
  // Beijing time: shown and typed as Asia/Shanghai (UTC+8 all year, no daylight saving)

  function dateTime(value) {
    return dateTimeOf(value, true);
  }

  /** A datetime-local value (2026-11-25T09:30) read as Beijing time, as the instant the API takes. */
  function beijingToInstant(local) {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(local)) return null;
    const date = new Date(local + (local.length === 16 ? ':00' : '') + '+08:00');
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
  }

  /** The API's parameters for a search: the same names, times as instants. */
  function searchParams(state) {
    return apiParams(state, (key, value) => TIME_FILTERS.includes(key) ? (beijingToInstant(value) || value) : value);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Departments

  async function fillDepartments() {
    const select = $('f-department');
    const chosen = readState().department;
    for (const d of await loadDepartments(API.departments, showError)) {
      select.append(h('option', { value: d.code }, d.nameZh + ' ' + (d.nameEn || d.code)));
    }
    select.value = chosen;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The search form

  function fillSelects() {
    for (const [group, id] of [['action', 'f-action'], ['outcome', 'f-outcome']]) {
      const select = $(id);
      for (const [value, pair] of Object.entries(LABELS[group])) {
        select.append(h('option', { value }, pair[0] + ' ' + pair[1]));
      }
    }
    const types = $('object-types');
    for (const type of OBJECT_TYPES) types.append(h('option', { value: type }));
  }

  function fillForm(state) {
    for (const key of FILTERS) {
      const field = $('f-' + key);
      if (field) field.value = state[key] || '';
    }
  }

  function formState() {
    const state = {};
    for (const key of FILTERS) state[key] = ($('f-' + key).value || '').trim();
    state.page = 0;
    state.size = readState().size;
    state.event = '';
    return state;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The results

  let listRequest = 0;
  let shownPage = null;
  let shownKey = null;

  async function search(state) {
    const key = searchParams(state).toString();
    if (shownPage && shownKey === key) return shownPage;
    const request = ++listRequest;
    const results = $('results');
    results.setAttribute('aria-busy', 'true');
    try {
      const page = await getJson(API.audit + '?' + key);
      if (request === listRequest) {
        shownPage = page;
        shownKey = key;
      }
      return page;
    } finally {
      if (request === listRequest) results.setAttribute('aria-busy', 'false');
    }
  }

  async function loadList(state) {
    try {
      const page = await search(state);
      renderRows(page, state, false);
      showPager(page, NOUN);
    } catch (e) {
      shownPage = null;
      renderRows({ total: 0, events: [] }, state, true);
      showPager(null, NOUN);
      showError('审计事件查询失败 The search failed', e);
    }
  }

  function renderRows(page, state, failed) {
    const body = clear($('rows'));
    const events = Array.isArray(page.events) ? page.events : [];
    if (!events.length) body.append(emptyRow(8, failed, '没有符合条件的审计事件。', 'No audit event matches the search.'));
    for (const e of events) {
      const target = Object.assign({}, state, { event: e.id });
      body.append(rowLink(target, e.outcome && e.outcome !== 'OK' ? 'is-' + String(e.outcome).toLowerCase() : null,
      h('td', { 'data-label': '序号 Seq', class: 'num' },
        link(target, { class: 'row-title', title: '查看事件 Open the event' }, e.seq ? String(e.seq) : '…')),
      cell('时间', 'Time', h('time', { datetime: e.time }, dateTime(e.time))),
      cell('操作人', 'Actor', h('span', { class: 'code' }, text(e.actor))),
      cell('部门', 'Department', department(e.actorDepartment)),
      cell('操作类型', 'Action', label('action', e.action)),
      cell('对象', 'Object', e.objectType ? h('span', { class: 'code' }, e.objectType) : none(),
        e.objectId ? [h('br'), h('span', { class: 'code object-id' }, e.objectId)] : null),
      cell('结果', 'Outcome', badge('outcome', e.outcome)),
      cell('原因', 'Reason', e.reason ? h('span', { class: 'clamp', title: e.reason }, e.reason) : none())));
    }
    showSummary(page, failed, NOUN);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // One event: every field

  async function loadDetail(state) {
    const detail = clear($('detail'));
    detail.setAttribute('aria-busy', 'true');
    try {
      const page = await search(state);
      const events = Array.isArray(page.events) ? page.events : [];
      const found = events.find((e) => e.id === state.event);
      if (!found) {
        add(detail, h('div', { class: 'notice', role: 'note' }, h('p', null,
          '该事件不在当前查询结果页中，请返回列表重新查询。',
          h('span', { class: 'en', lang: 'en' }, ' This event is not on the current page of results; go back and search again.'))));
        return;
      }
      renderDetail(found, events);
    } catch (e) {
      showError('审计事件加载失败 Could not load the event', e);
    } finally {
      detail.setAttribute('aria-busy', 'false');
    }
  }

  /** The previous event's hash, when the event before this one is on the page (or this is the first event). */
  function prevHashOf(event, events) {
    if (event.prevHash) return event.prevHash;
    if (event.seq === 1) return GENESIS;
    const before = events.find((e) => e.seq === event.seq - 1);
    return before ? before.hash : null;
  }

  function prettyJson(value) {
    if (value === null || value === undefined || value === '') return null;
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch (e) {
      return String(value);
    }
  }

  function renderDetail(event, events) {
    document.title = '审计事件 ' + (event.seq || event.id) + ' Audit event · GovShare';
    const rows = [];
    for (const [key, zh, en] of FIELDS) {
      let value;
      if (key === 'time') {
        value = [h('time', { datetime: event.time }, dateTime(event.time)), ' ',
          h('span', { class: 'en', lang: 'en' }, event.time ? '(UTC ' + event.time + ')' : '')];
      } else if (key === 'action') {
        value = [label('action', event.action), ' ', h('code', { class: 'en' }, event.action)];
      } else if (key === 'outcome') {
        value = badge('outcome', event.outcome);
      } else if (key === 'actorDepartment') {
        value = event.actorDepartment ? [department(event.actorDepartment), ' ', h('code', { class: 'en' }, event.actorDepartment)] : none();
      } else if (key === 'details') {
        const json = prettyJson(event.details);
        value = json ? h('pre', { class: 'json', id: 'event-details' }, json) : none();
      } else if (key === 'prevHash') {
        const prev = prevHashOf(event, events);
        value = prev ? h('code', { class: 'hash', id: 'event-prev-hash' }, prev)
          : h('span', { class: 'muted' }, '即第 ' + (event.seq - 1) + ' 号事件的哈希（不在当前结果页中） ',
            h('span', { class: 'en', lang: 'en' }, 'the hash of event ' + (event.seq - 1) + ', not on this page of results'));
      } else if (key === 'hash') {
        value = event.hash ? h('code', { class: 'hash', id: 'event-hash' }, event.hash)
          : h('span', { class: 'muted' }, '尚未入链 ', h('span', { class: 'en', lang: 'en' }, 'not chained yet'));
      } else if (key === 'seq' || key === 'id' || key === 'objectId' || key === 'correlationId' || key === 'actor' || key === 'objectType') {
        value = event[key] === null || event[key] === undefined || event[key] === '' ? none() : h('code', null, String(event[key]));
      } else {
        value = text(event[key]);
      }
      rows.push(h('dt', null, zh, h('span', { class: 'en', lang: 'en' }, en)), h('dd', null, value));
    }
    add($('detail'),
      h('div', { class: 'panel' },
        h('h2', { class: 'panel-title', id: 'event-title', tabindex: '-1' }, '审计事件 ', h('span', { lang: 'en' }, 'Audit event'),
          ' #' + (event.seq || '…')),
        h('dl', { class: 'facts event-facts' }, rows)));
    $('event-title').focus();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Chain verification

  /** What the checkpoints say: how many were checked, the last good one and the last event it anchors. */
  function anchored(v) {
    const checkpoints = Number(v.checkpointsChecked) || 0;
    const good = v.lastGoodCheckpoint == null ? '—' : String(v.lastGoodCheckpoint);
    const upTo = String(Number(v.anchoredUpTo) || 0);
    return h('p', { class: 'muted' }, '已核对检查点 ', String(checkpoints), ' 个，最后一个可信检查点 ', good,
      '，锚定至第 ', upTo, ' 条事件。 ',
      h('span', { class: 'en', lang: 'en' }, checkpoints + ' checkpoints checked; last good checkpoint ' + good
        + ', anchoring events up to ' + upTo + '.'));
  }

  async function verifyChain() {
    const button = $('verify');
    const result = clear($('verify-result'));
    button.disabled = true;
    add(result, h('p', { class: 'muted' }, '正在校验… ', h('span', { class: 'en', lang: 'en' }, 'Verifying…')));
    try {
      const v = await getJson(API.verify);
      clear(result);
      const checked = Number(v.eventsChecked) || 0;
      if (v.intact) {
        add(result, h('div', { class: 'notice verify-ok', role: 'status' },
          h('p', null, h('strong', null, '审计链完整'), ' ', h('span', { class: 'en', lang: 'en' }, 'The chain is intact')),
          h('p', null, '已校验 ', h('strong', null, String(checked)), ' 条事件，未发现篡改。 ',
            h('span', { class: 'en', lang: 'en' }, checked + ' events checked; none was altered or removed.')),
          anchored(v)));
      } else {
        add(result, h('div', { class: 'notice verify-broken', role: 'status' },
          h('p', null, h('strong', null, '审计链已断裂'), ' ', h('span', { class: 'en', lang: 'en' }, 'The chain is broken')),
          h('p', null, '首个异常事件 ', h('span', { class: 'en', lang: 'en' }, 'First broken event'), '：序号 Seq ',
            h('code', null, String(v.firstBrokenSeq)), v.firstBrokenId ? ['，编号 Id ', h('code', null, v.firstBrokenId)] : null),
          h('p', null, '问题 ', h('span', { class: 'en', lang: 'en' }, 'Problem'), '：', text(v.problem)),
          h('p', { class: 'muted' }, '在此之前已校验 ', String(checked), ' 条事件。 ',
            h('span', { class: 'en', lang: 'en' }, checked + ' events checked up to it.')),
          anchored(v)));
      }
    } catch (e) {
      clear(result);
      showError('审计链校验失败 The verification failed', e);
    } finally {
      button.disabled = false;
    }
  }

  function start() {
    fillSelects();
    $('verify').addEventListener('click', verifyChain);
    page.start();
    fillDepartments().then(() => {
      if (shownPage && !readState().event) renderRows(shownPage, readState(), false);
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
