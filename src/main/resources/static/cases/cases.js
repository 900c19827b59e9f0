/*
 * 案卷 Case file: one read-only page for each kind of case, opened from the official's Tasklist forms.
 *
 * The address names the case: /cases/{kind}/{id}. The page reads it from the platform's read API in the official's
 * own session (the Tasklist login, or HTTP Basic), so it shows exactly what the API lets that official read; a
 * refusal or an unknown case is said in words in #case-error. Times are shown in Beijing time. API strings only
 * ever reach the DOM as text nodes or attribute values, never as markup.
 *
 * API used:
 *   GET /api/me, GET /api/departments
 *   GET /api/requests/{id}
 *   GET /api/catalog/submissions/{id}, GET /api/catalog/resources/{front}/{back}/history?size=100 (a change's previous version, among the latest 100)
 *   GET /api/disputes/{id}
 *   GET /api/corrections/{id} (its evidence file: GET /api/corrections/{id}/evidence, a download link)
 *   GET /api/consultations/{id}
 *   GET /api/rectifications/{id}
 *   GET /api/freshness?resource={code} (a published resource's freshness on its catalog submission's page)
 */
(function () {
  'use strict';

  const { getJson, h, add, bi, none, text, yesNo, clear, section, abbreviate, vocabulary, showError, dateTime,
    loadDepartments, department: dept, departmentOf, showSignedIn, problemBox } = window.GovSharePage;
  const { FIELDS, label, labelText, badge, itemsTable, changedKeys } = window.GovShareCatalog;

  const $ = (id) => document.getElementById(id);

  // ---------------------------------------------------------------------------------------------------------------
  // Labels of the cases' values: Simplified Chinese with English beside them

  const TERMS = {
    requestStatus: {
      SUBMITTED: ['规则判定中', 'Being decided'],
      IN_REVIEW: ['待提供部门答复', 'Awaiting the provider\'s reply'],
      GRANTED: ['已准予共享', 'Granted'],
      REFUSED: ['不予共享', 'Refused'],
      OVERTURNED: ['争议裁决准予', 'Granted on dispute'],
      WITHDRAWN: ['已撤回', 'Withdrawn'],
      AWAITING_APPROVAL: ['待本单位负责人审批', 'Awaiting its head\'s approval'],
      CONFORMITY_CHECK: ['合规审查中', 'Conformity check'],
      REPLY_AWAITING_APPROVAL: ['答复待提供单位负责人审批', 'Reply awaiting the provider head\'s approval'],
      REFUSED_BY_REQUESTER_HEAD: ['本单位负责人未批准', 'Not approved by its head'],
      NOT_CONFORMING: ['未通过合规审查', 'Not conforming'],
      LAPSED: ['逾期未补正材料，申请终止', 'Lapsed: materials not supplemented']
    },
    verdict: {
      GRANT: ['准予共享', 'Grant'],
      REVIEW: ['交提供部门审核', 'Review by the provider'],
      REFUSE: ['不予共享', 'Refuse']
    },
    severity: {
      REFUSAL: ['拒绝', 'Refusal'],
      REVIEW: ['需审核', 'Review'],
      GRANT: ['准予', 'Grant'],
      FLAG: ['提示', 'Flag']
    },
    scenario: {
      ADMINISTRATIVE_APPROVAL: ['行政审批', 'Administrative approval'],
      LAW_ENFORCEMENT: ['行政执法', 'Law enforcement'],
      STATISTICAL_ANALYSIS: ['统计分析', 'Statistical analysis'],
      PUBLIC_SERVICE: ['公共服务', 'Public service'],
      DECISION_SUPPORT: ['决策支持', 'Decision support']
    },
    replyBy: {
      PROVIDER: ['提供部门', 'The provider'],
      AUTHORITY: ['共享主管部门（督办）', 'The sharing authority (escalation)']
    },
    replyDecision: {
      APPROVE: ['同意', 'Approved as asked'],
      NARROW: ['缩小范围同意', 'Approved narrowed'],
      REFUSE: ['拒绝', 'Refused']
    },
    submissionStatus: {
      IN_REVIEW: ['审核中', 'In review'],
      RETURNED: ['已退回修改', 'Returned for revision'],
      PUBLISHED: ['已发布', 'Published'],
      RETIRED: ['已停用', 'Retired'],
      WITHDRAWN: ['已撤回', 'Withdrawn']
    },
    disputeStatus: {
      OPEN: ['办理中', 'Open'],
      GRANTED: ['裁决准予', 'Ruled for the applicant'],
      UPHELD: ['维持原答复', 'Reply upheld'],
      WITHDRAWN: ['已撤回', 'Withdrawn'],
      ESCALATED: ['已报请政府决定', 'Taken to the people\'s government'],
      DECIDED: ['政府已决定', 'Decided by the people\'s government']
    },
    coordinationLevel: {
      SAME_LEVEL: ['同级主管部门协调', 'The same-level authority'],
      COMMON_HIGHER: ['共同上级主管部门协调', 'The common higher authority']
    },
    governmentOutcome: {
      RULING_CONFIRMED: ['维持协调裁决', 'The ruling stands'],
      RULING_VARIED: ['另行决定', 'Decided otherwise']
    },
    complainantKind: {
      CITIZEN: ['公民', 'Citizen'],
      ORGANISATION: ['法人或其他组织', 'Organisation']
    },
    rulingDecision: {
      GRANT_AS_ASKED: ['按主张准予', 'Granted as asked'],
      GRANT_IN_PART: ['部分准予', 'Granted in part'],
      UPHOLD: ['维持原答复', 'Reply upheld']
    },
    reportStatus: {
      REPORTED: ['待分拣', 'Awaiting triage'],
      IN_VERIFICATION: ['提供部门核实中', 'Being verified by the provider'],
      CLOSED: ['已办结', 'Closed']
    },
    reportOutcome: {
      NOT_AN_ERROR: ['非数据错误', 'Not an error'],
      CORRECTED: ['已更正', 'Corrected'],
      EXPLAINED: ['已说明', 'Explained']
    },
    consultationStatus: {
      CONSULTING: ['征询中', 'Consulting'],
      RULING: ['待主管部门裁定', 'Awaiting the authority\'s ruling'],
      REGISTERING: ['待目录登记', 'Awaiting registration'],
      COLLECTED: ['已采集', 'Collected']
    },
    answerKind: {
      WE_COLLECT: ['本部门已采集', 'We collect it'],
      OUR_DUTY: ['属本部门职责，将采集', 'Our duty: we will collect it'],
      NOT_OURS: ['非本部门职责', 'Not ours'],
      SILENT: ['逾期未答复', 'No answer by the deadline']
    },
    consultationRuling: {
      ASSIGN: ['指定采集部门', 'Assigned to a collector'],
      HAND_TO_AUTHORITY: ['采集后移交业务主管部门', 'Collect and hand to the business authority']
    },
    rectificationStatus: {
      AWAITING_REPORT: ['待整改报告', 'Awaiting the report'],
      AWAITING_VERIFICATION: ['待核查', 'Awaiting verification'],
      RECTIFIED: ['已整改', 'Rectified'],
      AWAITING_CRITICISM: ['待通报批评', 'Awaiting the criticism'],
      AWAITING_REFERRAL: ['待监察处理', 'Awaiting the supervisors'],
      CONCLUDED: ['已办结', 'Concluded']
    },
    violationType: {
      NOT_COLLECTED: ['未按规定采集', 'Not collected'],
      REPEATED_COLLECTION: ['重复采集', 'Repeated collection'],
      REFUSED_SHARING: ['无依据拒绝共享', 'Sharing refused without a legal basis'],
      DELAYED_REPLY: ['逾期未答复', 'Delayed reply'],
      DELAYED_CORRECTION: ['逾期未核实更正', 'Delayed correction'],
      DATA_NOT_UPDATED: ['数据未按期更新', 'Data not updated'],
      SERVICE_UNAVAILABLE: ['接口服务不可用', 'Service unavailable'],
      CONCEALMENT: ['瞒报信息资源', 'Concealment'],
      MISUSE_BEYOND_SCOPE: ['超范围使用', 'Misuse beyond scope'],
      HARMFUL_DISCLOSURE: ['泄露损害权益', 'Harmful disclosure'],
      LATE_DELIVERY: ['逾期未提供共享数据', 'Data not delivered in time'],
      CATALOG_NOT_UPDATED: ['未按规定更新目录', 'Catalog not updated'],
      OBSTRUCTIVE_CONDITIONS: ['设置不合理条件阻碍共享', 'Conditions set to obstruct sharing'],
      UNILATERAL_CHANGE: ['擅自终止或变更共享服务', 'Sharing ended or changed unilaterally'],
      THIRD_PARTY_TRANSFER: ['擅自向第三方提供', 'Passed to a third party'],
      NOT_DISPOSED: ['未按要求处置共享数据', 'Data not disposed of'],
      NO_USAGE_RECORDS: ['未记录数据使用情况', 'No usage records'],
      NO_SOURCE_DEPARTMENT: ['未确定数源部门', 'No source department named'],
      DISPUTE_NOT_COORDINATED: ['未协调处理共享争议', 'Dispute not coordinated']
    },
    violationStatus: {
      SUSPECTED: ['疑似违规待认定', 'Suspected'],
      DISMISSED: ['已排除', 'Dismissed'],
      OPEN: ['已登记', 'Recorded'],
      RECTIFYING: ['整改中', 'Rectifying'],
      RECTIFIED: ['已整改', 'Rectified'],
      CRITICISED: ['已通报批评', 'Criticised'],
      REFERRED: ['已移送', 'Referred']
    },
    violationSource: {
      AUTOMATIC: ['平台自动发现', 'Detected by the platform'],
      MANUAL: ['主管部门登记', 'Recorded by the authority'],
      COMPLAINT: ['投诉查实', 'Substantiated complaint']
    },
    complaintStatus: {
      INVESTIGATING: ['调查中', 'Being investigated'],
      SUBSTANTIATED: ['投诉成立', 'Substantiated'],
      NOT_SUBSTANTIATED: ['投诉不成立', 'Not substantiated'],
      WITHDRAWN: ['已撤回', 'Withdrawn']
    },
    complaintOutcome: {
      SUBSTANTIATED: ['成立，登记违规', 'Substantiated: a violation was opened'],
      NOT_SUBSTANTIATED: ['不成立', 'Not substantiated']
    },
    stepKind: {
      NOTICE: ['整改通知', 'Notice'],
      REPORT: ['整改报告', 'Report'],
      VERIFICATION: ['核查', 'Verification'],
      DEADLINE_MISSED: ['逾期', 'Deadline missed'],
      CRITICISM_DRAFTED: ['通报批评拟稿', 'Criticism drafted'],
      CRITICISM_PUBLISHED: ['通报批评发布', 'Criticism published'],
      REFERRED: ['移送监察', 'Referred to the supervisors'],
      REFERRAL_OUTCOME: ['处理结论', 'Supervisors\' outcome']
    },
    stepDecision: {
      RECTIFICATION_NOTICE: ['整改通知', 'Rectification notice'],
      RECTIFICATION_REJECTED: ['整改未通过', 'Rectification rejected'],
      ACCEPT: ['通过', 'Accepted'],
      REJECT: ['不通过，再次整改', 'Rejected: rectify again'],
      NOT_RECTIFIED: ['未整改到位', 'Not rectified'],
      SANCTION_PROPOSED: ['建议处分', 'Sanction proposed'],
      NO_ACTION: ['不予处理', 'No action']
    }
  };

  const { label: term, badge: termBadge } = vocabulary(TERMS);

  /** A case's state as a badge: blue unless cases.css colours the value. */
  function statusBadge(group, value) {
    return termBadge(group, value, 'badge-state');
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Building blocks: text only

  /** A definition list; rows are [zh, en, value], null rows are left out. */
  function facts(...rows) {
    return h('dl', { class: 'facts' }, rows.filter(Boolean).map(([zh, en, value]) =>
      [h('dt', null, bi(zh, en)), h('dd', null, value === null || value === undefined ? none() : value)]));
  }

  function when(instant) {
    return instant ? h('time', { datetime: instant }, dateTime(instant)) : none();
  }

  /** Free text as the official wrote it, line breaks kept. */
  function prose(value) {
    return value === null || value === undefined || String(value).trim() === '' ? none()
      : h('span', { class: 'prose' }, String(value));
  }

  function list(values, each) {
    const items = Array.isArray(values) ? values : [];
    return items.length ? h('ul', { class: 'inline-list' }, items.map((v) => h('li', null, each ? each(v) : text(v)))) : none();
  }

  function code(value) {
    return value ? h('code', null, String(value)) : none();
  }

  /** A link to another case's page. */
  function caseLink(kind, id) {
    return id ? h('a', { href: '/cases/' + kind + '/' + encodeURIComponent(id), class: 'code' }, String(id)) : none();
  }

  /** The case pages by the prefix of a case number, for a number cited without its kind. */
  const PAGES_BY_PREFIX = { GX: 'requests', ZY: 'disputes', JC: 'corrections', XS: 'consultations', ZG: 'rectifications',
    TS: 'complaints' };

  function citedCaseLink(number) {
    const kind = PAGES_BY_PREFIX[String(number).split('-')[0]];
    return kind ? caseLink(kind, number) : code(number);
  }

  /** A link to the audit page's search for an object's events (the page opens to the authority and supervisors). */
  function auditLink(objectId) {
    return objectId ? h('a', { href: '/audit/?objectId=' + encodeURIComponent(objectId), class: 'audit-link' },
      '审计记录 ', h('span', { lang: 'en' }, 'Audit trail')) : none();
  }

  /** A link to a resource in the sharing catalog, at one version or the current one. */
  function catalogLink(resourceCode, version) {
    if (!resourceCode) return none();
    const query = 'resource=' + encodeURIComponent(resourceCode).replace(/%2F/gi, '/')
      + (version ? '&version=' + encodeURIComponent(version) : '');
    return h('a', { href: '/catalog/?' + query, class: 'code' }, String(resourceCode) + (version ? ' v' + version : ''));
  }

  function article(value) {
    return value ? h('span', null, '第 ' + value + ' 条 ', h('span', { class: 'en', lang: 'en' }, 'Art. ' + value)) : none();
  }

  function table(id, caption, columns, rows, empty) {
    return h('div', { class: 'table-wrap' }, h('table', { class: 'data-table', id: id },
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', null, h('tr', null, columns.map(([zh, en]) =>
        h('th', { scope: 'col' }, zh, h('span', { class: 'en', lang: 'en' }, en))))),
      h('tbody', null, rows.length ? rows.map((cells) => h('tr', null, cells.map((cell, i) =>
        h('td', { 'data-label': columns[i][0] + ' ' + columns[i][1] }, cell))))
        : h('tr', { class: 'empty' }, h('td', { colspan: columns.length }, empty)))));
  }

  /** What the rules said: every finding with its rule and article. */
  function findingsTable(findings) {
    const rows = (Array.isArray(findings) ? findings : []).map((f) => [term('severity', f.severity, 'badge badge-state badge-'
      + String(f.severity).toLowerCase()), text(f.rule), article(f.article), code(f.field), text(f.message)]);
    return table('findings', '规则判定依据 The rules\' findings',
      [['结论', 'Finding'], ['规则', 'Rule'], ['条款', 'Article'], ['字段', 'Field'], ['说明', 'Message']],
      rows, bi('没有规则提示。', 'No rule said anything.'));
  }

  const departmentsLoaded = loadDepartments('/api/departments', showError);

  // ---------------------------------------------------------------------------------------------------------------
  // Sharing request (Art. 17 to 20)

  function sharingRequest(r) {
    const reply = r.reply;
    return {
      number: r.id,
      heading: r.resourceName || r.resourceCode,
      badges: [statusBadge('requestStatus', r.status), r.overdue ? overdueBadge() : null],
      sections: [
        section('sec-request', '申请内容', 'The request', facts(
          ['申请编号', 'Request number', code(r.id)],
          ['申请部门', 'Applicant', dept(r.applicantDepartment)],
          ['申请人', 'Requested by', code(r.requestedBy)],
          ['申请时间', 'Requested at', when(r.requestedAt)],
          ['提供部门', 'Provider', dept(r.providerDepartment)],
          ['申请资源', 'Resource', h('span', null, text(r.resourceName), ' ', catalogLink(r.resourceCode, r.resourceVersion))],
          ['申请信息项', 'Items asked for', list(r.items)],
          ['用途', 'Purpose', prose(r.purpose)],
          ['法定职责', 'Statutory duty', r.duty ? text([r.duty.law, r.duty.article].filter(Boolean).join(' ')) : none()],
          ['业务场景', 'Scenario', term('scenario', r.scenario)],
          ['使用期限', 'Period', period(r.validFrom, r.validUntil)],
          ['使用人员', 'Officials', list(r.officials, code)],
          ['使用系统', 'Systems', list(r.systems, code)])),
        section('sec-rules', '规则判定', 'The rules\' decision', facts(
          ['判定结果', 'Verdict', term('verdict', r.eligibility)],
          ['规则集版本', 'Rule set version', r.ruleSetVersion ? h('code', { title: r.ruleSetVersion }, abbreviate(r.ruleSetVersion, 12)) : none()]),
        findingsTable(r.findings)),
        section('sec-reply', '答复', 'The reply', reply ? facts(
          ['答复方', 'Replied by', h('span', null, term('replyBy', reply.by), ' ', code(reply.decidedBy))],
          ['答复时间', 'Replied at', when(reply.decidedAt)],
          ['答复结论', 'Decision', term('replyDecision', reply.decision)],
          ['授权信息项', 'Items granted', list(reply.items)],
          ['授权截止', 'Granted until', text(reply.validUntil)],
          ['附加条件', 'Added conditions', prose(reply.addedConditions)],
          ['拒绝依据', 'Legal basis of a refusal', reply.legalBasis
            ? text([reply.legalBasis.law, reply.legalBasis.article].filter(Boolean).join(' ')) : none()],
          ['理由', 'Reasons', prose(reply.reasons)],
          ['不脱敏信息项', 'Items shown unmasked', list(reply.unmaskedItems)],
          ['核验数据项', 'Verification keys (matched exactly, shown masked)', list(reply.verificationKeys)])
          : h('p', { class: 'muted' }, '尚未答复。', h('span', { lang: 'en' }, 'Not replied yet.'))),
        section('sec-deadline', '期限与结果', 'Deadline and outcome', facts(
          ['答复期限', 'Reply due', when(r.replyDue)],
          ['催办时间', 'Reminder', h('span', null, when(r.reminderAt), r.reminded ? [' ', bi('已催办', 'reminded', 'badge')] : null)],
          ['是否逾期', 'Overdue', yesNo(r.overdue)],
          ['授权编号', 'Grant', code(r.grantId)],
          ['办结时间', 'Closed at', when(r.closedAt)]))
      ]
    };
  }

  function period(from, until) {
    return from || until ? h('span', null, text(from), ' 至 ', text(until)) : none();
  }

  function overdueBadge() {
    return bi('已逾期', 'Overdue', 'badge badge-state badge-overdue');
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Catalog submission (Art. 13 to 16): the whole entry, and for a change what differs from the version before

  async function catalogSubmission(s) {
    const entry = s.content || {};
    const previous = s.kind === 'NEW' ? { version: null } : await previousVersion(s);
    const fresh = await freshnessOf(s);
    return {
      number: s.code,
      heading: entry.name || s.code,
      badges: [badge('changeKind', s.kind), statusBadge('submissionStatus', s.status), s.overdue ? overdueBadge() : null],
      sections: [
        section('sec-submission', '提交情况', 'The submission', facts(
          ['提交编号', 'Submission', code(s.id)],
          ['资源代码', 'Code', s.status === 'PUBLISHED' || s.kind !== 'NEW' ? catalogLink(s.code) : code(s.code)],
          ['申请类型', 'Kind', label('changeKind', s.kind)],
          ['提交部门', 'Department', dept(s.department)],
          ['提交人', 'Submitted by', code(s.submittedBy)],
          ['提交时间', 'Submitted at', when(s.submittedAt)],
          ['状态', 'Status', term('submissionStatus', s.status)],
          ['审核逾期', 'Review overdue', yesNo(s.overdue)],
          ['审核人', 'Reviewed by', code(s.reviewedBy)],
          ['审核意见', 'Review comment', prose(s.reviewComment)])),
        fresh ? section('sec-freshness', '数据时效', 'Freshness', fresh.failed
          ? problemBox('数据时效加载失败 Could not load the freshness', fresh.failed)
          : window.GovShareFreshness.facts(fresh.value)) : null,
        section('sec-findings', '规则提示', 'The checks\' findings', findingsTable(s.findings)),
        s.kind === 'NEW' ? null : changesSection(s, entry, previous),
        section('sec-entry', '目录内容', 'The entry', facts(...Object.keys(FIELDS).filter((key) => key !== 'items')
          .map((key) => [FIELDS[key][0], FIELDS[key][1], entryValue(key, entry)]))),
        section('sec-items', '信息项（' + (entry.items || []).length + '）', 'Data items', itemsTable(entry.items, 'items'))
      ]
    };
  }

  /** How up to date the resource is today, once it is published (a change's or retirement's resource is). */
  async function freshnessOf(submission) {
    if (submission.status !== 'PUBLISHED' && submission.kind === 'NEW') return null;
    try {
      const known = await window.GovShareFreshness.load([submission.code]);
      return known.has(submission.code) ? { value: known.get(submission.code) } : null;
    } catch (e) {
      return { failed: e };
    }
  }

  /**
   * The published version this submission changes: the one before the version it published, or, while it is not
   * published, the current one.
   */
  async function previousVersion(submission) {
    try {
      const history = await getJson('/api/catalog/resources/' + submission.code.split('/').map(encodeURIComponent).join('/')
        + '/history?size=100');
      const newestFirst = history.slice().sort((a, b) => b.version - a.version);
      const published = newestFirst.find((v) => v.submissionId === submission.id);
      return newestFirst.find((v) => !published || v.version < published.version) || { version: null };
    } catch (e) {
      return { failed: e };
    }
  }

  function changesSection(submission, entry, previous) {
    if (previous.failed) {
      return section('sec-changes', '与现行版本的差异', 'Changes from the published version',
        problemBox('现行版本加载失败 Could not load the published version', previous.failed));
    }
    if (!previous.version) {
      return section('sec-changes', '与现行版本的差异', 'Changes from the published version',
        h('p', { class: 'muted' }, '没有可比较的已发布版本。', h('span', { lang: 'en' }, 'No published version to compare with.')));
    }
    const before = previous.content || {};
    const keys = changedKeys(entry, before);
    const rows = keys.map((key) => [bi(FIELDS[key][0], FIELDS[key][1]),
      key === 'items' ? itemLines(before.items, entry.items) : entryValue(key, before),
      key === 'items' ? itemLines(entry.items, before.items) : entryValue(key, entry)]);
    const what = submission.kind === 'RETIRE' ? ['本次提交停用该资源。', 'This submission retires the resource.']
      : ['本次提交变更该资源。', 'This submission changes the resource.'];
    return section('sec-changes', '与第 ' + previous.version + ' 版的差异', 'Changes from version ' + previous.version,
      h('p', null, bi(what[0], what[1]), ' ', bi('对照已发布的', 'Compared with'), ' ',
        catalogLink(submission.code, previous.version), ' (', when(previous.publishedAt), ')'),
      table('changes', '与已发布版本相比有变化的字段 Fields that differ from the published version',
        [['字段', 'Field'], ['第 ' + previous.version + ' 版', 'Version ' + previous.version], ['本次提交', 'This submission']],
        rows, bi('内容未变。', 'No field changed.')));
  }

  /** The items of one side, one line each; a line the other side lacks is marked as added or removed. */
  function itemLines(items, others) {
    const theirs = new Set((others || []).map(itemLine));
    const mine = items || [];
    return mine.length ? h('ul', { class: 'item-lines' }, mine.map((item) => {
      const line = itemLine(item);
      return h('li', { class: theirs.has(line) ? null : 'differs' }, line);
    })) : none();
  }

  function itemLine(item) {
    return [item.name, (item.type || '') + (item.length ? '(' + item.length + ')' : ''), labelText('sensitivity', item.sensitivity),
      item.key ? '主键 key' : null, item.key || item.required ? '必填 required' : null,
      item.kind && item.kind !== 'TEXT' ? labelText('itemKind', item.kind) : null].filter(Boolean).join(' · ');
  }

  /** One field of a catalog entry, readably. */
  function entryValue(key, entry) {
    const value = entry[key];
    switch (key) {
      case 'providerDepartment':
      case 'collectingDepartment':
        return dept(value);
      case 'kind':
      case 'sharingMethod':
      case 'updateCycle':
      case 'tier':
        return label(key, value);
      case 'sharingType':
        return badge('sharingType', value);
      case 'classification':
        return value ? text(['类 ' + (value.resourceClass || '—'), '项 ' + (value.item || '—'), '目 ' + (value.subItem || '—')].join(' · '))
          : none();
      case 'format':
        return value ? h('span', null, label('formatCategory', value.category), ' ', code(value.type)) : none();
      case 'items':
        return itemLines(value, value);
      case 'conditions':
        return list(value, (c) => h('span', null, label('conditionType', c.type), '：', text(c.value)));
      case 'legalBasis':
        return value ? text([value.law, value.article].filter(Boolean).join(' ')) : none();
      case 'openToPublic':
        return yesNo(value);
      case 'relatedCodes':
        return list(value, (c) => catalogLink(c));
      case 'summary':
      case 'sharingConditions':
      case 'openConditions':
        return prose(value);
      default:
        return text(value);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Dispute (Art. 18): the claim, both sides' statements, meetings, the ruling

  function dispute(d) {
    const claim = d.claim || {};
    const ruling = d.ruling;
    return {
      number: d.id,
      heading: '对共享申请 ' + d.requestId + ' 的争议',
      badges: [statusBadge('disputeStatus', d.status)],
      sections: [
        section('sec-dispute', '争议概况', 'The dispute', facts(
          ['争议编号', 'Dispute number', code(d.id)],
          ['所涉共享申请', 'Request contested', caseLink('requests', d.requestId)],
          ['申请部门', 'Applicant', dept(d.applicantDepartment)],
          ['提供部门', 'Provider', dept(d.providerDepartment)],
          ['提出人', 'Filed by', code(d.filedBy)],
          ['提出时间', 'Filed at', when(d.filedAt)],
          ['书面意见期限', 'Statements due', when(d.statementDue)],
          ['办结时间', 'Closed at', when(d.closedAt)])),
        section('sec-claim', '申请部门的主张', 'What the applicant asks', facts(
          ['主张的信息项', 'Items asked for', claim.items && claim.items.length ? list(claim.items)
            : bi('原申请的全部信息项', 'All the request asked for')],
          ['主张的截止日期', 'Until', claim.validUntil ? text(claim.validUntil) : bi('按原申请', 'As the request asked')],
          ['不附加答复所加条件', 'Without the added conditions', yesNo(claim.withoutAddedConditions)],
          ['理由', 'Grounds', prose(claim.grounds)])),
        section('sec-statements', '双方书面意见', 'Both sides\' statements', facts(
          ['申请部门', 'Applicant', statement(d.applicantStatement, d.applicantMissed)],
          ['提供部门', 'Provider', statement(d.providerStatement, d.providerMissed)])),
        section('sec-meetings', '协调会议', 'Coordination meetings', table('meetings', '协调会议 Coordination meetings',
          [['日期', 'Date'], ['参会人员', 'Attendees'], ['会议结果', 'Outcome'], ['记录人', 'Recorded by']],
          (d.meetings || []).map((m) => [text(m.date), prose(m.attendees), prose(m.outcome),
            h('span', null, code(m.recordedBy), ' ', when(m.recordedAt))]),
          bi('未召开协调会议。', 'No meeting held.'))),
        section('sec-ruling', '共享主管部门裁决', 'The authority\'s ruling', ruling ? facts(
          ['裁决结论', 'Decision', term('rulingDecision', ruling.decision)],
          ['授权信息项', 'Items granted', list(ruling.items)],
          ['授权截止', 'Granted until', text(ruling.validUntil)],
          ['授权条件', 'Conditions', prose(ruling.conditions)],
          ['裁决理由', 'Reasons', prose(ruling.reasons)],
          ['裁决人', 'Ruled by', h('span', null, code(ruling.by), ' ', when(ruling.at))],
          ['授权编号', 'Grant', code(d.grantId)])
          : h('p', { class: 'muted' }, '尚未裁决。', h('span', { lang: 'en' }, 'Not ruled yet.'))),
        ...(d.coordination || d.escalationDue ? [escalation(d)] : [])
      ]
    };
  }

  /** National Art. 28: who coordinates, and the ruling taken to the people's government. */
  function escalation(d) {
    const c = d.coordination || {};
    const e = d.escalation;
    const g = d.governmentDecision;
    return section('sec-escalation', '协调层级与报请政府决定', 'Coordination and the people\'s government (Art. 28)', facts(
      ['协调层级', 'Coordinated by', c.level ? h('span', null, term('coordinationLevel', c.level), ' ', dept(c.authority))
        : none()],
      ['依据', 'Why', c.reason ? text(c.reason) : none()],
      ['报请期限', 'Escalation until', d.escalationDue ? when(d.escalationDue) : none()],
      ['报请', 'Escalated by', e ? h('div', null, prose(e.grounds), h('p', { class: 'muted by' }, text(e.side), ' ',
        code(e.by), ' ', when(e.at))) : none()],
      ['政府决定', 'Government decision', g ? h('div', null, h('p', null, code(g.reference), ' ',
        term('governmentOutcome', g.outcome)), prose(g.text), h('p', { class: 'muted by' }, code(g.recordedBy), ' ',
        when(g.at))) : none()]));
  }

  function statement(given, missed) {
    if (given) return h('div', null, prose(given.text), h('p', { class: 'muted by' }, code(given.by), ' ', when(given.at)));
    return missed ? bi('逾期未提交，案件继续办理。', 'None given by the deadline; the case went on without it.', 'bi missed')
      : h('span', { class: 'muted' }, '尚未提交 ', h('span', { lang: 'en' }, 'Not given yet'));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Error report (Art. 21, 24): the report and its evidence, the triage, the provider's verification

  function errorReport(r) {
    const evidence = r.evidence;
    const keyValues = r.keyValues && typeof r.keyValues === 'object' ? Object.entries(r.keyValues) : [];
    return {
      number: r.id,
      heading: (r.resourceName || r.resourceCode) + ' · ' + (r.item || ''),
      badges: [statusBadge('reportStatus', r.status), r.outcome ? statusBadge('reportOutcome', r.outcome) : null,
        r.overdue ? overdueBadge() : null],
      sections: [
        section('sec-report', '纠错内容', 'The report', facts(
          ['纠错编号', 'Report number', code(r.id)],
          ['资源', 'Resource', h('span', null, text(r.resourceName), ' ', catalogLink(r.resourceCode))],
          ['提供部门', 'Provider', dept(r.providerDepartment)],
          ['报告部门', 'Reported by department', dept(r.reporterDepartment)],
          ['报告人', 'Reported by', code(r.reportedBy)],
          ['报告时间', 'Reported at', when(r.reportedAt)],
          ['数据版本', 'Data version', text(r.dataVersion)],
          ['记录', 'Record', keyValues.length ? h('ul', { class: 'inline-list' }, keyValues.map(([k, v]) =>
            h('li', null, k + '：', code(v)))) : code(r.recordKey)],
          ['有误信息项', 'Item in error', text(r.item)],
          ['问题描述', 'Problem', prose(r.problem)],
          ['建议值', 'Proposed value', text(r.proposed)],
          ['证据材料', 'Evidence', evidence ? h('span', null,
            h('a', { href: '/api/corrections/' + encodeURIComponent(r.id) + '/evidence', download: evidence.name || true },
              text(evidence.name)), ' ', h('span', { class: 'muted' }, (evidence.type || '') + ' · ' + size(evidence.size)))
            : none()])),
        section('sec-triage', '主管部门分拣', 'The authority\'s triage', facts(
          ['分拣人', 'Triaged by', code(r.triagedBy)],
          ['关闭理由', 'Reasons for closing', prose(r.triageReasons)])),
        section('sec-verification', '提供部门核实', 'The provider\'s verification', facts(
          ['核实期限', 'Verification due', when(r.verificationDue)],
          ['催办时间', 'Reminder', h('span', null, when(r.reminderAt), r.reminded ? [' ', bi('已催办', 'reminded', 'badge')] : null)],
          ['是否逾期', 'Overdue', yesNo(r.overdue)],
          ['核实结论', 'Outcome', term('reportOutcome', r.outcome)],
          ['答复人', 'Answered by', code(r.answeredBy)],
          ['说明', 'Reasons', prose(r.answerReasons)],
          ['更正数据版本', 'Corrected in version', text(r.correctedVersion)],
          ['办结时间', 'Closed at', when(r.closedAt)]))
      ]
    };
  }

  function size(bytes) {
    const n = Number(bytes) || 0;
    return n < 1024 ? n + ' B' : n < 1048576 ? (n / 1024).toFixed(1) + ' KB' : (n / 1048576).toFixed(1) + ' MB';
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Collection consultation (Art. 9): who collects what nobody publishes

  function consultation(c) {
    const ruling = c.ruling;
    return {
      number: c.id,
      heading: c.information || c.id,
      badges: [statusBadge('consultationStatus', c.status)],
      sections: [
        section('sec-consultation', '征询内容', 'What is asked', facts(
          ['征询编号', 'Consultation number', code(c.id)],
          ['需求部门', 'Asked by department', dept(c.demandingDepartment)],
          ['发起人', 'Asked by', code(c.requestedBy)],
          ['发起时间', 'Asked at', when(c.requestedAt)],
          ['所需信息', 'Information', prose(c.information)],
          ['信息项', 'Items', list(c.items)],
          ['用途', 'Purpose', prose(c.purpose)],
          ['法定职责', 'Legal duty', text(c.legalDuty)],
          ['共享需求', 'Sharing need', code(c.needId)],
          ['答复期限', 'Answers due', when(c.answerDue)])),
        section('sec-answers', '各部门答复', 'The departments\' answers', table('answers', '各部门答复 Answers',
          [['部门', 'Department'], ['答复', 'Answer'], ['理由', 'Reasons'], ['答复人', 'Answered by']],
          (c.answers || []).map((a) => [dept(a.department),
            a.answer ? term('answerKind', a.answer) : h('span', { class: 'muted' }, '尚未答复 ', h('span', { lang: 'en' }, 'Not answered yet')),
            prose(a.reasons), h('span', null, code(a.answeredBy), ' ', a.answeredAt ? when(a.answeredAt) : null)]),
          bi('没有征询部门。', 'No department consulted.'))),
        section('sec-ruling', '采集部门', 'Who collects', facts(
          ['主管部门裁定', 'The authority\'s ruling', ruling ? term('consultationRuling', ruling.decision) : bi('无需裁定或尚未裁定', 'None, or not yet')],
          ruling ? ['裁定理由', 'Reasons', prose(ruling.reasons)] : null,
          ruling ? ['裁定人', 'Ruled by', h('span', null, code(ruling.by), ' ', when(ruling.at))] : null,
          ['采集部门', 'Collecting department', dept(c.collectingDepartment)],
          ['业务主管部门', 'Business authority', dept(c.businessAuthority)])),
        section('sec-registration', '目录登记', 'Registration in the catalog', facts(
          ['目录提交', 'Catalog submission', caseLink('submissions', c.submissionId)],
          ['资源代码', 'Resource', catalogLink(c.resourceCode)],
          ['办结时间', 'Closed at', when(c.closedAt)]))
      ]
    };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Rectification (Art. 33): the violation, the case file, the criticism and referral

  /** Cases whose evidence has a page of its own, by the violation's evidence type. */
  const EVIDENCE_PAGES = { 'sharing-request': 'requests', 'error-report': 'corrections', complaint: 'complaints' };

  function rectification(file) {
    const r = file.rectification || {};
    const v = file.violation || {};
    return {
      number: r.id,
      heading: labelOf('violationType', v.type) + ' · ' + (departmentOf(r.department) ? departmentOf(r.department).nameZh : r.department),
      badges: [statusBadge('rectificationStatus', r.status)],
      sections: [
        section('sec-rectification', '整改概况', 'The rectification', facts(
          ['案件编号', 'Case number', code(r.id)],
          ['整改单位', 'Department', dept(r.department)],
          ['整改期限', 'Report due', when(r.reportDue)],
          ['整改轮次', 'Attempt', h('span', null, '第 ' + r.attempt + ' 次（共 2 次）', h('span', { class: 'en', lang: 'en' }, ' attempt ' + r.attempt + ' of 2'))],
          ['发起人', 'Started by', h('span', null, code(r.startedBy), ' ', when(r.startedAt))],
          ['监察处理结论', 'Supervisors\' outcome', r.referralOutcome ? term('stepDecision', r.referralOutcome) : none()],
          ['办结时间', 'Closed at', when(r.closedAt)])),
        section('sec-violation', '违规事实', 'The violation', facts(
          ['违规编号', 'Violation', code(v.id)],
          ['违规类型', 'Type', h('span', null, term('violationType', v.type), ' ', h('span', { class: 'muted' }, 'Art. ' + (v.article || '33')))],
          ['情况说明', 'Description', prose(v.description)],
          ['证据', 'Evidence', EVIDENCE_PAGES[v.evidenceType] ? caseLink(EVIDENCE_PAGES[v.evidenceType], v.evidenceId)
            : h('span', null, code(v.evidenceType), ' ', code(v.evidenceId))],
          ['发生时间', 'Occurred at', when(v.occurredAt)],
          ['登记', 'Recorded', h('span', null, term('violationSource', v.source), ' ', code(v.recordedBy), ' ', when(v.recordedAt))],
          ['违规状态', 'Violation status', term('violationStatus', v.status)])),
        section('sec-steps', '案卷记录', 'The case file', table('steps', '案卷记录，按时间先后 The case file, oldest first',
          [['序号', 'No.'], ['环节', 'Step'], ['时间', 'When'], ['办理人', 'By'], ['结论', 'Decision'], ['内容', 'Content'],
            ['佐证材料', 'Evidence'], ['期限', 'Due']],
          (file.steps || []).map((s) => [String(s.seq), term('stepKind', s.kind), when(s.recordedAt), code(s.actor),
            s.decision ? term('stepDecision', s.decision) : none(), prose(s.body), prose(s.evidence), when(s.due)]),
          bi('案卷暂无记录。', 'Nothing recorded yet.'))),
        section('sec-criticism', '通报批评', 'Public criticism', r.criticismText ? facts(
          ['通报文本', 'Text', prose(r.criticismText)],
          ['发布', 'Published', h('span', null, code(r.criticismPublishedBy), ' ', when(r.criticismPublishedAt))])
          : h('p', { class: 'muted' }, '未发布通报批评。', h('span', { lang: 'en' }, 'No criticism published.')))
      ]
    };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Complaint (Art. 32): who complains of whom, the evidence cited, the investigation, the statement, the finding

  function complaint(c) {
    const finding = c.finding;
    const files = Array.isArray(c.files) ? c.files : [];
    return {
      number: c.id,
      heading: labelOf('violationType', c.violationType) + ' · ' + (departmentOf(c.respondentDepartment)
        ? departmentOf(c.respondentDepartment).nameZh : c.respondentDepartment),
      badges: [statusBadge('complaintStatus', c.status), c.escalated ? overdueBadge() : null],
      sections: [
        section('sec-complaint', '投诉概况', 'The complaint', facts(
          ['投诉编号', 'Complaint number', h('span', null, code(c.id), ' ', auditLink(c.id))],
          ['投诉部门', 'Complainant', dept(c.complainantDepartment)],
          ['投诉人', 'Lodged by', h('span', null, code(c.lodgedBy), ' ', when(c.lodgedAt))],
          ['被投诉部门', 'Respondent', dept(c.respondentDepartment)],
          ...(c.publicComplainant ? [['公众投诉人', 'Citizen or organisation (Art. 37)', h('span', null,
            term('complainantKind', c.publicComplainant.kind), ' ', text(c.publicComplainant.name), ' ',
            text(c.publicComplainant.contact))]] : []),
          ['违规类型', 'Act alleged', h('span', null, term('violationType', c.violationType), ' ',
            h('span', { class: 'muted' }, 'Art. 33'))],
          ['发生日期', 'Occurred on', text(c.occurredOn)],
          ['事实', 'Facts', prose(c.facts)])),
        section('sec-evidence', '证据', 'Evidence', facts(
          ['引用案件', 'Cases cited', (c.citedCases || []).length ? h('ul', { class: 'inline-list' },
            c.citedCases.map((n) => h('li', null, citedCaseLink(n), ' ', auditLink(n)))) : none()],
          ['引用审计事件', 'Audit events cited', list(c.citedEvents, code)],
          ['附件', 'Files', files.length ? h('ul', { class: 'inline-list' }, files.map((f) => h('li', null,
            h('a', { href: '/api/complaints/' + encodeURIComponent(c.id) + '/evidence/' + f.n, download: f.name || true },
              text(f.name)), ' ', h('span', { class: 'muted' }, (f.type || '') + ' · ' + size(f.size))))) : none()])),
        section('sec-investigation', '调查', 'The investigation', facts(
          ['承办主管部门', 'Investigated by', dept(c.authorityDepartment)],
          ['调查期限', 'Finding due', when(c.investigationDue)],
          ['催办', 'Reminded', yesNo(c.reminded)],
          ['逾期报告监察机关', 'Escalated to the supervisors', yesNo(c.escalated)],
          ['陈述期限', 'Statement due', c.statementDue ? when(c.statementDue) : bi('未要求陈述', 'No statement asked for')],
          ['被投诉部门陈述', 'Respondent\'s statement', c.statementDue ? statement(c.statement, c.statementMissed) : none()])),
        section('sec-finding', '调查结论', 'The finding', finding ? facts(
          ['结论', 'Outcome', term('complaintOutcome', finding.outcome)],
          ['理由', 'Reasons', prose(finding.reasons)],
          ['作出人', 'Found by', h('span', null, code(finding.by), ' ', when(finding.at))],
          ['违规编号', 'Violation', code(c.violationId)],
          ['办结时间', 'Closed at', when(c.closedAt)])
          : h('p', { class: 'muted' }, '尚未作出结论。', h('span', { lang: 'en' }, 'No finding yet.')))
      ]
    };
  }

  function labelOf(group, value) {
    const pair = TERMS[group][value];
    return pair ? pair[0] : String(value || '');
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The kinds of case: the address's kind, the API that reads one, how to show it

  const KINDS = {
    requests: { name: ['共享申请', 'Sharing request'], api: '/api/requests/', render: sharingRequest },
    submissions: { name: ['目录提交', 'Catalog submission'], api: '/api/catalog/submissions/', render: catalogSubmission },
    disputes: { name: ['共享争议', 'Dispute'], api: '/api/disputes/', render: dispute },
    corrections: { name: ['数据纠错', 'Error report'], api: '/api/corrections/', render: errorReport },
    consultations: { name: ['采集征询', 'Collection consultation'], api: '/api/consultations/', render: consultation },
    rectifications: { name: ['限期整改', 'Rectification'], api: '/api/rectifications/', render: rectification },
    complaints: { name: ['投诉', 'Complaint'], api: '/api/complaints/', render: complaint }
  };

  /** Why a case is not shown, in words, by the API's status. */
  const REFUSALS = {
    0: ['无法连接服务器，请检查网络后刷新页面。', 'The server cannot be reached; check the connection and reload.'],
    401: ['您尚未登录或登录已失效：请在任务列表（Tasklist）中重新登录后再打开此页。', 'You are not logged in: log in to Tasklist again, then open this page.'],
    403: ['您无权查看此案卷：案卷仅向案件涉及的部门及有关主管部门开放。', 'You may not read this case: it is open to the departments it concerns and the authorities.'],
    404: ['未找到该案卷，请核对编号。', 'There is no such case: check the number.']
  };

  function showRefusal(error, where) {
    const status = error && error.status;
    const words = REFUSALS[status] || ['案卷加载失败。', 'The case could not be loaded.'];
    const problem = (error && error.problem) || {};
    const box = $('case-error');
    add(clear(box), h('p', null, h('strong', null, words[0]), ' ', h('span', { lang: 'en' }, words[1])),
      h('p', { class: 'muted' }, where ? code(where) : null, status ? ' · HTTP ' + status : '',
        problem.detail ? ' · ' + problem.detail : '',
        problem.correlationId ? [' · 关联编号 Correlation ID ', code(problem.correlationId)] : null));
    box.hidden = false;
    add(clear($('case-title')), '无法显示案卷 ', h('span', { lang: 'en' }, 'The case cannot be shown'));
  }

  /** What kind of case, and which: in the page's header and title. */
  function showKind(kind, number) {
    document.title = kind.name[0] + ' ' + number + ' · 案卷 Case file · GovShare';
    add(clear($('case-kind')), bi(kind.name[0], kind.name[1]), ' ', h('span', { class: 'code' }, number));
  }

  /** /cases/{kind}/{id}, or null. */
  function caseOfAddress(path) {
    const match = /^\/cases\/([a-z]+)\/([^/]+)\/?$/.exec(path);
    if (!match || !KINDS[match[1]]) return null;
    return { kind: match[1], id: decodeURIComponent(match[2]) };
  }

  async function start() {
    showSignedIn($('whoami'), showError);
    const header = $('case-header');
    const where = caseOfAddress(location.pathname);
    if (!where) {
      showRefusal({ status: 404, problem: { detail: '案卷地址形如 /cases/requests/GX-2026-000001 · a case address looks like that' } },
        location.pathname);
      header.setAttribute('aria-busy', 'false');
      return;
    }
    const kind = KINDS[where.kind];
    showKind(kind, where.id);
    try {
      const record = await getJson(kind.api + encodeURIComponent(where.id));
      await departmentsLoaded;
      const shown = await kind.render(record);
      showKind(kind, shown.number);
      add(clear($('case-title')), text(shown.heading));
      add(clear($('case-badges')), shown.badges);
      add(clear($('case')), shown.sections);
    } catch (e) {
      showRefusal(e, kind.api + where.id);
    } finally {
      header.setAttribute('aria-busy', 'false');
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
