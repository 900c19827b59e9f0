/*
 * GovShare: accessibility repairs for the four Camunda webapps (GB/T 37668, WCAG 2.1 AA), loaded by each app's
 * config.js through Camunda's own hook (customScripts: ['../govshare/accessibility']) as an ES module.
 *
 * The webapps are AngularJS pages that draw and redraw their controls at any time, so the repairs run once the page
 * is there and again whenever it changes (a MutationObserver). Each repair only adds what is missing or removes what
 * is wrong; it never touches a control that is already right, so a later Camunda version that fixes one simply makes
 * that repair idle. What axe-core found and these repairs answer:
 *   - buttons and links drawn as an icon alone have no name (button-name, link-name): they get an aria-label, and an
 *     anchor without href that acts as a button (Camunda's dropdown toggles) gets role="button" with it;
 *   - a checkbox or radio with no label (label): it is named by the words around it;
 *   - the search field carries aria-expanded, which a text field may not (aria-allowed-attr): it is removed;
 *   - the login form orders its fields with tabindex 1 to 3 (tabindex): the document order is the same, so it goes.
 * Colours (color-contrast) are repaired in the shared stylesheet, /camunda/app/govshare/brand.css.
 */

/** Names for controls that show only an icon, by what they are; the first selector that matches names it. */
const NAMES = [
  ['.app-switch > .dropdown-toggle', '切换应用 Switch application'],
  ['[data-region="filters"]', '显示或隐藏筛选器 Show or hide the filters'],
  ['[data-region="list"]', '显示或隐藏任务列表 Show or hide the task list'],
  ['[data-region="task"]', '显示或隐藏任务 Show or hide the task'],
  ['.maximize', '放大任务区域 Maximise the task'],
  ['.sort-direction', '切换排序方向 Reverse the sort order'],
  ['.new-sort > .dropdown-toggle', '添加排序条件 Add a sort criterion'],
  ['.stored-criteria > .dropdown-toggle', '已保存的查询 Saved searches'],
  ['.shutter > .glyphicon', '展开或收起 Show more or less'],
  ['.instance-link', '查看流程实例 Open the process instance'],
  ['.btn-suspend-action', '挂起或激活 Suspend or activate'],
  ['[state-circle], .circle', '状态 State'],
  ['[ng-click^="toggleSection"]', '展开或收起此部分 Show or hide this section'],
  ['.dropdown-toggle', '更多选项 More options']
];

/** A control whose whole name is its icon: no text, no label, no title, no image with alt text. */
function nameless(el) {
  if (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.getAttribute('title')) return false;
  if ((el.textContent || '').trim()) return false;
  return !el.querySelector('img[alt]:not([alt=""]), svg title');
}

function unlabelled(field) {
  if (field.closest('label') || field.getAttribute('aria-labelledby') || field.getAttribute('title')) return false;
  return !(field.id && document.querySelector('label[for="' + CSS.escape(field.id) + '"]'));
}

function nameOf(el) {
  // Camunda's own tooltip text, where it has one, is the best name
  const tooltip = el.getAttribute('uib-tooltip') || el.getAttribute('tooltip');
  if (tooltip && !tooltip.includes('{{')) return tooltip;
  const known = NAMES.find(([selector]) => el.matches(selector));
  return known ? known[1] : '操作 Action';
}

function repair(root) {
  for (const el of root.querySelectorAll('button, a, [role="button"]')) {
    if (!nameless(el)) continue;
    // an anchor without href is no link to assistive technology, and a name is not allowed on it; one that acts
    // (a click handler, a dropdown) is a button, and is said to be one
    if (el.matches('a:not([href]):not([role])')) {
      if (!el.matches('[ng-click], [uib-dropdown-toggle]')) continue;
      el.setAttribute('role', 'button');
    }
    el.setAttribute('aria-label', nameOf(el));
  }
  for (const box of root.querySelectorAll('input[type="checkbox"]:not([aria-label]), input[type="radio"]:not([aria-label])')) {
    if (!unlabelled(box)) continue;
    // Cockpit's statistics switch is a radio drawn inside the words it stands for: those words name it
    const words = box.parentElement ? box.parentElement.textContent.trim() : '';
    box.setAttribute('aria-label', words || '选择 Select');
  }
  for (const field of root.querySelectorAll('input[aria-expanded]:not([role])')) {
    field.removeAttribute('aria-expanded');
  }
  for (const field of root.querySelectorAll('[tabindex]')) {
    if (Number(field.getAttribute('tabindex')) > 0) field.removeAttribute('tabindex');
  }
}

// a MutationObserver's callback already runs once per batch of changes; the repairs' own changes come back as one
// more batch in which nothing is left to do
new MutationObserver(() => repair(document.body)).observe(document.documentElement, {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['aria-expanded', 'tabindex']
});
if (document.body) repair(document.body);
