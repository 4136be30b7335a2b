// The dashboard: reads report-service's JSON endpoints, draws Vega-Lite charts with vega-embed (served by the
// service itself), and refreshes when the service announces a new result or panel version (server-sent events).
(function () {
  'use strict';

  const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json'; // an identifier only: nothing is fetched
  const EMBED_OPTIONS = {renderer: 'svg', actions: {export: true, source: false, compiled: false, editor: false}};
  const MODE_COLORS = {domain: ['all cities', 'self-built', 'provincial'], range: ['#444444', '#1f77b4', '#ff7f0e']};
  const FOREST_COLOR = '#1f77b4';
  const UNIDENTIFIED = {color: '#999999', opacity: 0.4}; // estimates the data cannot identify (yet)

  const state = {latest: [], adoption: null, forestSpec: null, term: null, renders: 0};

  // ---------- small helpers ----------

  async function getJson(url) {
    const response = await fetch(url, {headers: {Accept: 'application/json'}});
    if (!response.ok) {
      throw new Error(url + ': HTTP ' + response.status);
    }
    return response.json();
  }

  function fmt(value, digits) {
    if (value === null || value === undefined || Number.isNaN(value)) {
      return 'NA';
    }
    return Number(value).toPrecision(digits || 4);
  }

  function pValue(p) {
    if (p === null || p === undefined) {
      return 'NA';
    }
    return p < 1e-4 ? p.toExponential(1) : p.toFixed(4);
  }

  function stars(p) {
    if (p === null || p === undefined) {
      return '';
    }
    return p < 0.001 ? '***' : p < 0.01 ? '**' : p < 0.05 ? '*' : p < 0.1 ? '.' : '';
  }

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  }

  function fillSelect(select, values, selected) {
    select.replaceChildren(...values.map(v => {
      const option = document.createElement('option');
      option.value = v;
      option.textContent = v;
      option.selected = v === selected;
      return option;
    }));
  }

  async function draw(elementId, spec) {
    const element = document.getElementById(elementId);
    element.dataset.state = 'drawing';
    const result = await vegaEmbed(element, spec, EMBED_OPTIONS);
    element.dataset.state = 'rendered';
    return result;
  }

  function empty(elementId, message) {
    const element = document.getElementById(elementId);
    element.replaceChildren();
    const p = document.createElement('p');
    p.className = 'note';
    p.textContent = message;
    element.appendChild(p);
    element.dataset.state = 'empty';
  }

  // ---------- identification ----------

  // identified is false when the panel cannot identify the estimates (fewer events than parameters, or a term constant
  // among the events); null or absent (older results) counts as identified, so those look as they always did.
  function unidentified(result) {
    return result.identified === false;
  }

  // "not identified yet: <why>", the why from the result's "not identified: ..." warnings.
  function identificationNote(result) {
    const reasons = (result.warnings || []).filter(w => /^not identified\b/.test(w))
        .map(w => w.replace(/^not identified:?\s*/, ''));
    return 'not identified yet' + (reasons.length ? ': ' + reasons.join('; ') : '');
  }

  // ---------- latest estimates ----------

  function renderSpecNotes() {
    const list = document.getElementById('spec-notes');
    list.replaceChildren(...state.latest.filter(unidentified).map(r => {
      const li = document.createElement('li');
      const spec = document.createElement('b');
      spec.textContent = r.spec;
      li.append(spec, ': ' + identificationNote(r));
      return li;
    }));
    list.hidden = list.children.length === 0;
  }

  function renderSpecTable() {
    const body = document.querySelector('#specs tbody');
    body.replaceChildren();
    for (const r of state.latest) {
      const tr = document.createElement('tr');
      if (unidentified(r)) {
        tr.className = 'unidentified';
        tr.title = identificationNote(r);
      }
      cell(tr, r.spec);
      cell(tr, r.model);
      cell(tr, r.n);
      cell(tr, r.events);
      cell(tr, fmt(r.logLikelihood, 6));
      cell(tr, fmt(r.aic, 6));
      cell(tr, fmt(r.concordance, 3));
      cell(tr, r.converged ? 'yes' : 'no', r.converged ? '' : 'warn');
      cell(tr, r.identified === true ? 'yes' : r.identified === false ? 'no' : '', unidentified(r) ? 'warn' : '');
      cell(tr, r.lineage ? r.lineage.panelVersion : '');
      cell(tr, r.lineage && r.lineage.dataThrough ? r.lineage.dataThrough : '');
      cell(tr, r.computedAt ? new Date(r.computedAt).toLocaleString() : '');
      const links = cell(tr, '');
      for (const format of ['markdown', 'latex', 'csv']) {
        const a = document.createElement('a');
        a.href = '/api/v1/estimates/' + encodeURIComponent(r.spec) + '/table?format=' + format;
        a.textContent = format === 'markdown' ? 'md' : format;
        links.appendChild(a);
        links.appendChild(document.createTextNode(' '));
      }
      body.appendChild(tr);
    }
    renderSpecNotes();
  }

  // ---------- forest plot ----------

  // Log-scale ticks at 1-2-5 steps around the data: Vega's own log ticks crowd their labels on narrow plots.
  function logAxis(values) {
    const positive = values.filter(v => v > 0 && Number.isFinite(v));
    const ticks = [];
    for (let exponent = -6; exponent <= 6; exponent++) {
      [1, 2, 5].forEach(m => ticks.push(Number((m * Math.pow(10, exponent)).toPrecision(1))));
    }
    const low = Math.min(...positive, 1);
    const high = Math.max(...positive, 1);
    const from = ticks.filter(t => t <= low).pop() || ticks[0];
    const to = ticks.find(t => t >= high) || ticks[ticks.length - 1];
    return {domain: [from, to], values: ticks.filter(t => t >= from && t <= to)};
  }

  function estimable(result) {
    return (result.coefficients || []).filter(c => c.estimate !== null && c.hazardRatio !== null
        && c.confLow !== null && c.confHigh !== null && c.term !== '(Intercept)');
  }

  function renderCoefficientTable(result) {
    const body = document.querySelector('#coefficients tbody');
    body.replaceChildren();
    for (const c of result.coefficients || []) {
      const tr = document.createElement('tr');
      if (unidentified(result)) {
        tr.className = 'unidentified';
      }
      cell(tr, c.term);
      cell(tr, fmt(c.estimate));
      cell(tr, fmt(c.robustStdError !== null && c.robustStdError !== undefined ? c.robustStdError : c.stdError));
      cell(tr, fmt(c.hazardRatio));
      cell(tr, c.confLow === null ? 'NA' : fmt(c.confLow, 3) + ' – ' + fmt(c.confHigh, 3));
      cell(tr, pValue(c.pValue));
      cell(tr, stars(c.pValue));
      body.appendChild(tr);
    }
  }

  function renderForestNote(result) {
    const note = document.getElementById('forest-note');
    note.hidden = !result || !unidentified(result);
    note.textContent = note.hidden ? '' : identificationNote(result);
  }

  async function renderForest() {
    const result = state.latest.find(r => r.spec === state.forestSpec);
    renderForestNote(result);
    if (!result) {
      empty('forest', 'No result yet.');
      return;
    }
    renderCoefficientTable(result);
    const rows = estimable(result).map(c => ({
      term: c.term, hazardRatio: c.hazardRatio, confLow: c.confLow, confHigh: c.confHigh,
      pValue: c.pValue, stars: stars(c.pValue)
    }));
    if (rows.length === 0) {
      empty('forest', 'No estimable term.');
      return;
    }
    const axis = logAxis(rows.map(r => r.confLow).concat(rows.map(r => r.confHigh)));
    const ratio = result.model === 'logit' ? 'odds ratio' : result.model === 'pce' ? 'rate ratio' : 'hazard ratio';
    const y = {field: 'term', type: 'nominal', sort: null, title: null};
    // Estimates the data cannot identify are drawn faint and grey: a ratio of 85 from three events is no finding.
    const marks = unidentified(result) ? UNIDENTIFIED : {color: FOREST_COLOR};
    await draw('forest', {
      $schema: SCHEMA,
      title: result.spec + ' (' + result.model + '), panel version ' + result.lineage.panelVersion
          + (unidentified(result) ? ', not identified yet' : ''),
      width: 420,
      height: {step: 20},
      data: {values: rows},
      layer: [
        {
          mark: Object.assign({type: 'rule', strokeWidth: 2}, marks),
          encoding: {
            y: y,
            x: {field: 'confLow', type: 'quantitative', scale: {type: 'log', domain: axis.domain},
              title: ratio + ' (log scale), 95% interval', axis: {values: axis.values}},
            x2: {field: 'confHigh'}
          }
        },
        {
          mark: Object.assign({type: 'point', filled: true, size: 60}, marks),
          encoding: {
            y: y,
            x: {field: 'hazardRatio', type: 'quantitative'},
            tooltip: [
              {field: 'term'}, {field: 'hazardRatio', format: '.4g', title: ratio},
              {field: 'confLow', format: '.4g', title: 'lower'}, {field: 'confHigh', format: '.4g', title: 'upper'},
              {field: 'pValue', format: '.3g', title: 'p'}
            ]
          }
        },
        // Its own one-row data set: inheriting the plot's rows would draw the reference line once per term.
        {data: {values: [{}]}, mark: {type: 'rule', strokeDash: [4, 4], color: '#888'}, encoding: {x: {datum: 1}}}
      ]
    });
  }

  // ---------- adoption ----------

  async function renderAdoption() {
    const a = state.adoption;
    const status = document.getElementById('adoption-status');
    if (!a || a.panelVersion === 0 || a.curves.length === 0) {
      status.textContent = 'No complete panel version yet.';
      ['adoption-curve', 'incidence', 'adoption-province'].forEach(id => empty(id, 'No panel yet.'));
      return;
    }
    const self = a.adoptions.filter(x => x.mode === 1).length;
    const provincial = a.adoptions.filter(x => x.mode === 2).length;
    status.textContent = a.adoptions.length + ' of ' + a.cities + ' cities adopted in the window (' + self
        + ' self-built, ' + provincial + ' provincial); panel version ' + a.panelVersion + '.';
    const x = {field: 'date', type: 'temporal', title: null, axis: {format: '%b %d'}};
    const color = {field: 'series', type: 'nominal', title: null, scale: MODE_COLORS};
    await draw('adoption-curve', {
      $schema: SCHEMA, width: 380, height: 220,
      data: {values: a.curves.filter(p => p.group === 'all' || p.group === 'mode')},
      mark: {type: 'line', interpolate: 'step-after', strokeWidth: 2},
      encoding: {
        x: x,
        y: {field: 'adopted', type: 'quantitative', title: 'cities adopted'},
        color: color,
        tooltip: [{field: 'date', type: 'temporal'}, {field: 'series'}, {field: 'adopted'}]
      }
    });
    await draw('incidence', {
      $schema: SCHEMA, width: 380, height: 220,
      data: {values: a.curves.filter(p => p.group === 'mode')},
      mark: {type: 'area', interpolate: 'step-after', opacity: 0.7},
      encoding: {
        x: x,
        y: {field: 'share', type: 'quantitative', stack: true, title: 'cumulative incidence', axis: {format: '%'}},
        color: {field: 'series', type: 'nominal', title: null,
          scale: {domain: MODE_COLORS.domain.slice(1), range: MODE_COLORS.range.slice(1)}},
        tooltip: [{field: 'date', type: 'temporal'}, {field: 'series'}, {field: 'share', format: '.1%'}]
      }
    });
    await draw('adoption-province', {
      $schema: SCHEMA,
      data: {values: a.curves.filter(p => p.group === 'province')},
      facet: {field: 'series', type: 'nominal', title: 'province', header: {labelFontSize: 10}},
      columns: 8,
      spec: {
        width: 110, height: 55,
        mark: {type: 'line', interpolate: 'step-after', color: '#2ca02c'},
        encoding: {
          x: {field: 'date', type: 'temporal', title: null, axis: {format: '%b', labelFontSize: 8, tickCount: 2}},
          y: {field: 'adopted', type: 'quantitative', title: null, axis: {labelFontSize: 8, tickMinStep: 1}},
          tooltip: [{field: 'date', type: 'temporal'}, {field: 'adopted'}, {field: 'atRisk', title: 'cities'}]
        }
      },
      resolve: {scale: {y: 'independent'}}
    });
  }

  // ---------- trajectories ----------

  function allTerms() {
    const terms = [];
    for (const r of state.latest) {
      for (const c of r.coefficients || []) {
        if (c.term !== '(Intercept)' && !terms.includes(c.term)) {
          terms.push(c.term);
        }
      }
    }
    return terms;
  }

  async function renderTrajectory() {
    if (!state.term) {
      empty('trajectory', 'No result yet.');
      return;
    }
    const specs = state.latest.filter(r => (r.coefficients || []).some(c => c.term === state.term)).map(r => r.spec);
    const histories = await Promise.all(specs.map(spec =>
        getJson('/api/v1/estimates/' + encodeURIComponent(spec) + '/history?term=' + encodeURIComponent(state.term))
            .then(points => points.filter(p => p.hazardRatio !== null).map(p => Object.assign({spec: spec}, p)))));
    const points = histories.flat();
    if (points.length === 0) {
      empty('trajectory', 'No estimate of ' + state.term + ' yet.');
      return;
    }
    const x = {field: 'panelVersion', type: 'quantitative', title: 'panel version', axis: {tickMinStep: 1}};
    // The legend is shared by both layers; full opacity so that the faint band does not make it faint.
    const color = {field: 'spec', type: 'nominal', title: 'spec', legend: {symbolOpacity: 1, symbolType: 'circle'}};
    const axis = logAxis(points.map(p => p.confLow).concat(points.map(p => p.confHigh)));
    await draw('trajectory', {
      $schema: SCHEMA, width: 640, height: 260,
      title: state.term + ': ratio and 95% interval per panel version',
      data: {values: points},
      layer: [
        {
          mark: {type: 'area', opacity: 0.12},
          encoding: {x: x, y: {field: 'confLow', type: 'quantitative', scale: {type: 'log', domain: axis.domain},
              axis: {values: axis.values}, title: 'ratio (log scale)'},
            y2: {field: 'confHigh'}, color: color}
        },
        {
          mark: {type: 'line'},
          encoding: {x: x, y: {field: 'hazardRatio', type: 'quantitative'}, color: color}
        },
        {
          // A version whose fit the data could not identify is a faint hollow point, not a finding.
          mark: {type: 'point', filled: true, size: 40},
          encoding: {
            x: x, y: {field: 'hazardRatio', type: 'quantitative'},
            color: color,
            opacity: {condition: {test: 'datum.identified === false', value: 0.25}, value: 1},
            tooltip: [{field: 'spec'}, {field: 'panelVersion'}, {field: 'dataThrough'},
              {field: 'hazardRatio', format: '.4g'}, {field: 'confLow', format: '.4g'}, {field: 'confHigh', format: '.4g'},
              {field: 'identified'}]
          }
        }
      ]
    });
  }

  // ---------- status and refresh ----------

  function renderStatus() {
    const status = document.getElementById('status');
    const a = state.adoption;
    const parts = [];
    if (a && a.panelVersion > 0) {
      parts.push('Panel version <b>' + a.panelVersion + '</b>', 'data through <b>' + (a.dataThrough || '–') + '</b>',
          a.rows + ' city-days', a.cities + ' cities', a.events + ' adoptions');
    }
    if (state.latest.length > 0) {
      const newest = state.latest.map(r => r.computedAt).sort().pop();
      parts.push(state.latest.length + ' specs, newest result ' + new Date(newest).toLocaleString());
    }
    status.innerHTML = parts.length ? parts.join(' · ') : 'Waiting for data…';
  }

  async function refresh() {
    const [latest, adoption] = await Promise.all([getJson('/api/v1/dashboard/latest'), getJson('/api/v1/dashboard/adoption')]);
    state.latest = latest;
    state.adoption = adoption;
    const specs = latest.map(r => r.spec);
    if (!specs.includes(state.forestSpec)) {
      state.forestSpec = specs[0] || null;
    }
    const terms = allTerms();
    if (!terms.includes(state.term)) {
      state.term = terms[0] || null;
    }
    fillSelect(document.getElementById('forest-spec'), specs, state.forestSpec);
    fillSelect(document.getElementById('trajectory-term'), terms, state.term);
    renderStatus();
    renderSpecTable();
    await Promise.all([renderForest(), renderAdoption(), renderTrajectory()]);
    state.renders += 1;
    document.body.dataset.renders = String(state.renders);
    document.body.dataset.specs = String(specs.length);
    document.body.dataset.panelVersion = String(adoption.panelVersion);
  }

  // Refreshes are serialised, and a burst of notifications (seven specs fitted on one version) gives one refresh.
  let running = null;
  let again = false;
  let timer = null;

  function scheduleRefresh() {
    clearTimeout(timer);
    timer = setTimeout(runRefresh, 300);
  }

  async function runRefresh() {
    if (running) {
      again = true;
      return;
    }
    running = refresh().catch(e => {
      document.getElementById('status').textContent = 'Could not load: ' + e.message;
    });
    await running;
    running = null;
    if (again) {
      again = false;
      scheduleRefresh();
    }
  }

  document.getElementById('forest-spec').addEventListener('change', e => {
    state.forestSpec = e.target.value;
    renderForest();
  });
  document.getElementById('trajectory-term').addEventListener('change', e => {
    state.term = e.target.value;
    renderTrajectory();
  });

  const updates = new EventSource('/api/v1/dashboard/updates');
  updates.onmessage = scheduleRefresh;
  updates.onopen = scheduleRefresh; // also after a reconnect: catch up on what was missed
  runRefresh();
})();
