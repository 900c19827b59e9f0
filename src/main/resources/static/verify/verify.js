/*
 * 电子印章验证 Verify a seal: sends a document and its seal, or a sealed file, to POST /api/seals/verify and shows the
 * verdict (有效/无效, the reason, who sealed it and when, the timestamp, the certificate's status); looks up an
 * electronic certificate's status by its number at GET /api/licences/{number}/status. No login: anyone handed a
 * sealed document may check it.
 */
(function () {
  'use strict';

  const P = window.GovSharePage;
  const { h, add, clear, bi, text } = P;

  const labels = P.vocabulary({
    reason: {
      CONTENT_CHANGED: ['内容已被篡改', 'The content was changed'],
      UNKNOWN_SIGNER: ['签章者未知', 'Unknown signer'],
      REVOKED: ['印章或证书已撤销', 'The seal or certificate is revoked'],
      OUTSIDE_VALIDITY: ['超出印章有效期', 'Outside the seal\'s validity'],
      BAD_TIMESTAMP: ['时间戳无效', 'Bad timestamp'],
      MALFORMED: ['无法识别的签章', 'Not a seal the platform reads']
    },
    certificateStatus: {
      VALID: ['有效', 'Valid'],
      REVOKED: ['已撤销', 'Revoked'],
      EXPIRED: ['已过期', 'Expired'],
      UNKNOWN: ['未知', 'Unknown']
    },
    format: {
      CMS: ['CMS 分离式签章', 'Detached CMS'],
      SES: ['GB/T 38540 电子签章', 'GB/T 38540 SES'],
      PADES: ['PDF 签章', 'PAdES']
    },
    kind: {
      DATA_EXTRACT: ['数据摘录', 'Data extract'],
      ELECTRONIC_CERTIFICATE: ['电子证照', 'Electronic certificate'],
      DISPUTE_RULING: ['争议裁决', 'Dispute ruling'],
      RECTIFICATION_NOTICE: ['整改通知', 'Rectification notice'],
      PUBLIC_CRITICISM: ['通报批评', 'Public criticism'],
      ASSESSMENT_REPORT: ['考核报告', 'Assessment report'],
      AUDIT_CHECKPOINT: ['审计检查点', 'Audit checkpoint'],
      EVIDENCE_PACKAGE: ['证据包', 'Evidence package']
    },
    licenceStatus: {
      VALID: ['有效', 'Valid'],
      REVOKED: ['已撤销', 'Revoked'],
      EXPIRED: ['已过期', 'Expired']
    }
  });

  const form = document.getElementById('verify-form');
  const result = document.getElementById('result');

  function mode() {
    return document.getElementById('mode-sealed').checked ? 'sealed' : 'detached';
  }

  function showMode() {
    document.getElementById('detached-fields').hidden = mode() !== 'detached';
    document.getElementById('sealed-fields').hidden = mode() !== 'sealed';
  }

  /** POST a form as multipart and answer its JSON; any other answer becomes an ApiError carrying the problem. */
  async function postForm(url, data) {
    let response;
    try {
      response = await fetch(new URL(url, window.location.origin).href, {
        method: 'POST', body: data, credentials: 'same-origin',
        headers: { 'Accept': 'application/json, application/problem+json' }
      });
    } catch (e) {
      throw new P.ApiError(0, { title: '无法连接服务器 Cannot reach the server', detail: e.message });
    }
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) throw new P.ApiError(response.status, body);
    return body;
  }

  function fact(zh, en, value) {
    return [h('dt', null, zh, h('span', { class: 'en', lang: 'en' }, en)), h('dd', null, value)];
  }

  function showVerdict(v) {
    const verdict = v.valid
      ? h('div', { class: 'verdict verdict-valid', id: 'verdict' },
        h('span', { class: 'verdict-mark' }, '有效'), h('p', { class: 'verdict-reason' },
          '印章有效，文件自盖章以来未被改动。', h('span', { class: 'en', lang: 'en' }, ' Valid: the document is as it was sealed.')))
      : h('div', { class: 'verdict verdict-invalid', id: 'verdict' },
        h('span', { class: 'verdict-mark' }, '无效'), h('p', { class: 'verdict-reason', id: 'verdict-reason' },
          labels.label('reason', v.reason)));
    const record = v.record;
    add(clear(result), verdict, h('dl', { class: 'facts' },
      v.valid ? null : fact('说明', 'Why', text(v.message)),
      fact('签章部门', 'Department', v.departmentName
        ? [v.departmentName, ' ', h('span', { class: 'en' }, v.department)] : text(v.department)),
      fact('印章编号', 'Seal', v.sealId ? [h('span', { class: 'code' }, v.sealId), sealPicture(v)] : text(null)),
      fact('签章时间', 'Signed at (Beijing)', P.dateTime(v.signedAt, true)),
      fact('时间戳', 'Timestamp (Beijing)', P.dateTime(v.timestampedAt, true)),
      fact('证书序列号', 'Certificate serial', v.certificateSerial ? h('span', { class: 'code' }, v.certificateSerial) : text(null)),
      fact('证书状态', 'Certificate status', labels.label('certificateStatus', v.certificateStatus)),
      fact('签章格式', 'Format', v.format ? [labels.label('format', v.format), v.algorithm ? ' · ' + v.algorithm : ''] : text(null)),
      record ? fact('登记编号', 'Register record', h('span', { class: 'code' }, record.id)) : null,
      record ? fact('文件类型', 'Kind', labels.label('kind', record.kind)) : null,
      record ? fact('标题', 'Title', text(record.title)) : null,
      record && record.subject ? fact('事项', 'Subject', text(record.subject)) : null));
  }

  /** A GB/T 38540 seal carries its picture, which the platform serves to anyone by the seal's id. */
  function sealPicture(v) {
    if (v.format !== 'SES') return null;
    return h('img', {
      class: 'seal-picture', id: 'seal-picture', width: 120, height: 120,
      src: '/api/seals/department-seals/' + encodeURIComponent(v.sealId) + '/picture',
      alt: '印章图像：' + (v.departmentName || v.department || '') + ' Seal picture'
    });
  }

  async function verify(event) {
    event.preventDefault();
    clear(document.getElementById('messages'));
    const data = new FormData();
    const chosen = mode() === 'sealed' ? ['file'] : ['document', 'seal'];
    for (const name of chosen) {
      const input = document.getElementById('f-' + name);
      if (input.files.length) data.append(name, input.files[0], input.files[0].name);
    }
    result.setAttribute('aria-busy', 'true');
    add(clear(result), h('p', { class: 'muted' }, '正在验证… ', h('span', { lang: 'en' }, 'Checking…')));
    try {
      showVerdict(await postForm('/api/seals/verify', data));
    } catch (e) {
      clear(result);
      P.showError('验证未完成 The check did not run', e, {
        400: ['请选择文件和签章，或一个带签章的文件。', 'Choose the document and its seal, or a sealed file.'],
        413: ['文件过大。', 'The file is too large.'],
        429: ['请求过于频繁，请稍后再试。', 'Too many checks; try again shortly.']
      });
    } finally {
      result.setAttribute('aria-busy', 'false');
    }
  }

  async function lookUpLicence(event) {
    event.preventDefault();
    const out = document.getElementById('licence-result');
    const number = document.getElementById('f-licence').value.trim();
    if (!number) {
      add(clear(out), h('p', { class: 'muted' }, '请输入证照编号。', h('span', { lang: 'en' }, ' Enter a certificate number.')));
      return;
    }
    try {
      const licence = await P.getJson('/api/licences/' + encodeURIComponent(number) + '/status');
      add(clear(out), h('dl', { class: 'facts' },
        fact('证照编号', 'Number', h('span', { class: 'code' }, licence.number || number)),
        fact('状态', 'Status', labels.label('licenceStatus', licence.status)),
        licence.title ? fact('名称', 'Title', licence.title) : null,
        licence.departmentName || licence.department
          ? fact('出具部门', 'Issued by', licence.departmentName || licence.department) : null,
        licence.issuedAt ? fact('出具时间', 'Issued at (Beijing)', P.dateTime(licence.issuedAt, true)) : null,
        licence.revokedAt ? fact('撤销时间', 'Revoked at (Beijing)', P.dateTime(licence.revokedAt, true)) : null));
    } catch (e) {
      if (e.status === 404) {
        add(clear(out), h('p', { class: 'verdict verdict-invalid', id: 'licence-not-found' }, bi('未找到', 'Not found'),
          '：', number));
        return;
      }
      clear(out);
      P.showError('证照查询未完成 The lookup did not run', e);
    }
  }

  document.getElementById('mode-detached').addEventListener('change', showMode);
  document.getElementById('mode-sealed').addEventListener('change', showMode);
  form.addEventListener('submit', verify);
  document.getElementById('licence-form').addEventListener('submit', lookUpLicence);
  showMode();
})();
