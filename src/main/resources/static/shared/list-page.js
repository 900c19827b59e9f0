/*
 * What a search page (the sharing catalog, the audit trail) does besides showing its own records: its whole state
 * (filters, page, the record opened) lives in the URL query string, so every view can be bookmarked; links and the
 * back button move between the list and one record without reloading; the search form, the reset button and the
 * pager navigate; a failed call is shown with its problem document. Text only, never markup (see /shared/page.js).
 *
 * The page gives:
 *   filters      the query parameters of the search, as the API reads them
 *   paging       the API's names of the page number and the page size (['page', 'size'])
 *   defaultSize  the page size when the URL names none
 *   detail       the parameters that open one record, the first naming it (['resource', 'version'], ['event'])
 *   readExtra    (params, state) => void: reads what else the URL holds, or corrects what was read (optional)
 *   hints        the page's own sentences by HTTP status for a failed call (see problemBox; optional)
 *   listTitle    the document title of the list view
 *   fillForm     (state) => void: shows the state in the search form
 *   formState    () => state: the search the form holds
 *   showList     (state) => void: loads and draws the list
 *   showDetail   (state) => void: loads and draws the one record
 *
 * The page's HTML has #messages, #whoami, #search, #reset, #prev, #page-status, #next, #list-view, #detail-view and
 * #back.
 */
window.GovShareListPage = (function () {
  'use strict';

  const { h, add, bi, clear, showSignedIn } = window.GovSharePage;
  const showProblem = window.GovSharePage.showError;

  const $ = (id) => document.getElementById(id);

  /** A whole number of at least 0 from the URL, or the fallback. */
  function toInt(value, fallback) {
    if (value === null || value === undefined || value === '') return fallback;
    const n = Number(value);
    return Number.isInteger(n) && n >= 0 ? n : fallback;
  }

  function listPage(options) {
    const { filters, defaultSize, detail } = options;
    const [pageParam, sizeParam] = options.paging;
    const opened = detail[0];

    // -------------------------------------------------------------------------------------------------------------
    // Messages: every failure is shown, with the problem's detail, field errors and correlation id

    function showError(context, error) {
      showProblem(context, error, options.hints);
    }

    function clearMessages() {
      clear($('messages'));
    }

    // -------------------------------------------------------------------------------------------------------------
    // State in the URL

    function readState() {
      const params = new URLSearchParams(location.search);
      const state = {};
      for (const key of filters) state[key] = (params.get(key) || '').trim();
      state.page = toInt(params.get(pageParam), 0);
      state.size = toInt(params.get(sizeParam), defaultSize) || defaultSize;
      state[opened] = (params.get(opened) || '').trim();
      if (options.readExtra) options.readExtra(params, state);
      return state;
    }

    function urlOf(state) {
      const params = new URLSearchParams();
      for (const key of filters) if (state[key]) params.set(key, state[key]);
      if (state.page) params.set(pageParam, String(state.page));
      if (state.size && state.size !== defaultSize) params.set(sizeParam, String(state.size));
      if (state[opened]) {
        for (const key of detail) {
          if (state[key] !== null && state[key] !== undefined && state[key] !== '') params.set(key, String(state[key]));
        }
      }
      // a resource code's slash reads better as itself, and is as valid in a query
      const query = params.toString().replace(/%2F/gi, '/');
      return location.pathname + (query ? '?' + query : '');
    }

    /** The API's parameters for a search: the same names (a value may be converted), with page and size. */
    function apiParams(state, convert) {
      const params = new URLSearchParams();
      for (const key of filters) if (state[key]) params.set(key, convert ? convert(key, state[key]) : state[key]);
      params.set(pageParam, String(state.page || 0));
      params.set(sizeParam, String(state.size || defaultSize));
      return params;
    }

    /** The state with no record opened. */
    function closed(state) {
      const back = Object.assign({}, state);
      for (const key of detail) back[key] = key === opened ? '' : null;
      return back;
    }

    function navigate(state) {
      history.pushState(null, '', urlOf(state));
      route();
    }

    /** Lets a real link open in a new tab, and handles a plain click inside the page. */
    function linkTo(state) {
      return (event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        clearMessages();
        navigate(state);
      };
    }

    /** A link to another view of this page. */
    function link(state, props, ...children) {
      return h('a', Object.assign({ href: urlOf(state), onclick: linkTo(state) }, props), children);
    }

    // -------------------------------------------------------------------------------------------------------------
    // The list: rows that open their record, the count, the pager

    /** A table cell that names its column, for the narrow layout where rows become cards. */
    function cell(zh, en, ...content) {
      return h('td', { 'data-label': zh + ' ' + en }, content);
    }

    /** A row that opens the record on a click anywhere but a link or a selection; its title cell holds the link. */
    function rowLink(target, cls, ...cells) {
      const open = linkTo(target);
      return h('tr', {
        class: 'row-link' + (cls ? ' ' + cls : ''),
        onclick: (event) => {
          if (event.target.closest('a') || String(window.getSelection() || '')) return;
          open(event);
        }
      }, cells);
    }

    /** The one row of an empty or failed list. */
    function emptyRow(columns, failed, zh, en) {
      return h('tr', { class: 'empty' }, h('td', { colspan: columns },
        failed ? bi('未能加载结果。', 'The results could not be loaded.') : bi(zh, en)));
    }

    /**
     * 共 12 条资源 12 resources; 超过 10000 条资源 more than 10000 resources when the list stopped counting
     * (totalExact false); nothing after a failure. noun: [zh, en one, en many].
     */
    function showSummary(page, failed, noun) {
      const total = Number(page.total) || 0;
      const summary = clear($('summary'));
      if (failed) return;
      if (page.totalExact === false) {
        add(summary, '超过 ', h('strong', null, String(total)), ' 条' + noun[0] + ' ',
          h('span', { lang: 'en', class: 'en' }, 'more than ' + total + ' ' + noun[2]));
        return;
      }
      add(summary, '共 ', h('strong', null, String(total)), ' 条' + noun[0] + ' ',
        h('span', { lang: 'en', class: 'en' }, total === 1 ? '1 ' + noun[1] : total + ' ' + noun[2]));
    }

    /** 第 1 / 3 页，共 52 条 Page 1 of 3, 52 events; both buttons off when there is no page. */
    function showPager(page, noun) {
      const status = clear($('page-status'));
      const prev = $('prev');
      const next = $('next');
      if (!page) {
        prev.disabled = true;
        next.disabled = true;
        return;
      }
      const total = Number(page.total) || 0;
      const size = Number(page.size) || defaultSize;
      const number = (Number(page.page) || 0) + 1;
      prev.disabled = number <= 1;
      if (page.totalExact === false) {
        // the count stopped: the last page is the first one that comes back short
        const shown = Array.isArray(page.resources) ? page.resources.length : 0;
        add(status, '第 ', h('strong', null, String(number)), ' 页，超过 ', h('strong', null, String(total)), ' 条 ',
          h('span', { class: 'en', lang: 'en' }, 'Page ' + number + ', more than ' + total + ' ' + noun[2]));
        next.disabled = shown < size;
        return;
      }
      const pages = Math.max(1, Math.ceil(total / size));
      add(status, '第 ', h('strong', null, String(number)), ' / ', String(pages), ' 页，共 ', h('strong', null, String(total)),
        ' 条 ', h('span', { class: 'en', lang: 'en' }, 'Page ' + number + ' of ' + pages + ', ' + total + ' ' + noun[2]));
      next.disabled = number >= pages;
    }

    // -------------------------------------------------------------------------------------------------------------
    // The search form and the pager

    function wire() {
      const form = $('search');
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        clearMessages();
        navigate(options.formState());
      });
      form.addEventListener('change', (event) => {
        if (event.target.matches('select, input[type=checkbox]')) {
          clearMessages();
          navigate(options.formState());
        }
      });
      $('reset').addEventListener('click', () => {
        clearMessages();
        navigate(closed({ page: 0, size: defaultSize }));
      });
      $('prev').addEventListener('click', () => {
        const state = closed(readState());
        navigate(Object.assign(state, { page: Math.max(0, state.page - 1) }));
      });
      $('next').addEventListener('click', () => {
        const state = closed(readState());
        navigate(Object.assign(state, { page: state.page + 1 }));
      });
    }

    // -------------------------------------------------------------------------------------------------------------
    // Routing between the list and one record

    function route() {
      const state = readState();
      options.fillForm(state);
      const listView = $('list-view');
      const detailView = $('detail-view');
      if (state[opened]) {
        listView.hidden = true;
        detailView.hidden = false;
        const back = closed(state);
        const backLink = $('back');
        backLink.setAttribute('href', urlOf(back));
        backLink.onclick = linkTo(back);
        window.scrollTo(0, 0);
        options.showDetail(state);
      } else {
        detailView.hidden = true;
        listView.hidden = false;
        document.title = options.listTitle;
        options.showList(state);
      }
    }

    /** Wires the form, the pager and the back button, shows who is signed in, and draws what the URL names. */
    function start() {
      wire();
      window.addEventListener('popstate', () => {
        clearMessages();
        route();
      });
      showSignedIn($('whoami'), showError);
      route();
    }

    return Object.freeze({ $, showError, readState, apiParams, link, cell, rowLink, emptyRow, showSummary, showPager,
      start });
  }

  return Object.freeze({ listPage, toInt });
})();
