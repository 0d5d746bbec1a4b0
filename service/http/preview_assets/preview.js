// emnpub preview: shows the last good render of the sample with pdf.js and
// follows the server's state (Server-Sent Events on /events). A new PDF is
// rendered off-screen, page by visible page, and swapped in at the same
// scroll position, so a refresh neither flickers nor jumps.
import * as pdfjsLib from '/pdfjs/build/pdf.mjs';

pdfjsLib.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.mjs';
// One worker for every load: starting a worker per PDF would load and
// compile pdf.worker.mjs again on each refresh.
const worker = new pdfjsLib.PDFWorker();

const $ = (id) => document.getElementById(id);
const pagesEl = $('pages');
const ZOOMS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];
const STORE = 'emnpub-preview';

const saved = (() => {
  try { return JSON.parse(sessionStorage.getItem(STORE)) || {}; } catch { return {}; }
})();

const view = {
  pdf: null,         // PDFDocumentProxy on screen
  sample: null,      // the sample it shows
  generation: 0,     // its render generation
  pages: [],         // [{div, canvas, text, page, viewport, done}]
  zoom: saved.zoom ?? 'fit',  // 'fit' or a scale (1 = 72 dpi points as CSS px)
  wanted: 0,         // newest good generation announced by the server
  wantedSample: null,
  busy: false,
  status: null,
};

// ---- pages --------------------------------------------------------------

function fitScale(page) {
  const width = page.getViewport({ scale: 1 }).width;
  return Math.max(0.1, (pagesEl.clientWidth - 40) / width);
}

function scaleFor(page) {
  return view.zoom === 'fit' ? fitScale(page) : view.zoom;
}

// Page boxes sized for the zoom, not yet drawn.
async function layoutPages(pdf) {
  const first = await pdf.getPage(1);
  const scale = scaleFor(first);
  const out = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = i === 1 ? first : await pdf.getPage(i);
    const viewport = page.getViewport({ scale });
    const div = document.createElement('div');
    div.className = 'page';
    div.dataset.page = String(i);
    const sheet = document.createElement('div');
    sheet.className = 'sheet';
    sheet.style.width = `${Math.floor(viewport.width)}px`;
    sheet.style.height = `${Math.floor(viewport.height)}px`;
    sheet.style.setProperty('--scale-factor', String(viewport.scale));
    const canvas = document.createElement('canvas');
    const text = document.createElement('div');  // selectable text over the drawing
    text.className = 'textLayer';
    sheet.append(canvas, text);
    const number = document.createElement('div');
    number.className = 'number';
    number.textContent = `${i} / ${pdf.numPages}`;
    div.append(sheet, number);
    out.push({ div, canvas, text, page, viewport, done: null });
  }
  return { scale, entries: out };
}

function draw(entry) {
  if (!entry.done) {
    const ratio = window.devicePixelRatio || 1;
    const { canvas, viewport } = entry;
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    const task = entry.page.render({
      canvasContext: canvas.getContext('2d'),
      viewport,
      transform: ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0],
    });
    const words = new pdfjsLib.TextLayer({
      textContentSource: entry.page.streamTextContent(),
      container: entry.text,
      viewport,
    }).render();
    entry.done = Promise.all([task.promise, words]).then(() => {
      entry.canvas.dataset.rendered = '1';
      document.body.dataset.renderedPages = String(pagesEl.querySelectorAll('canvas[data-rendered]').length);
    }, (e) => {
      if (e?.name !== 'RenderingCancelledException') console.error(e);
    });
  }
  return entry.done;
}

// Pages drawn lazily as they come near the viewport.
const observer = new IntersectionObserver((items) => {
  for (const it of items) {
    if (!it.isIntersecting) continue;
    const entry = view.pages[Number(it.target.dataset.page) - 1];
    if (entry && entry.div === it.target) draw(entry);
  }
}, { root: pagesEl, rootMargin: '100% 0px' });

// Indices of the pages on screen now (at least the first).
function visibleIndices() {
  const top = pagesEl.scrollTop;
  const bottom = top + pagesEl.clientHeight;
  const out = [];
  view.pages.forEach((e, i) => {
    const y = e.div.offsetTop;
    if (y + e.div.offsetHeight >= top && y <= bottom) out.push(i);
  });
  return out.length ? out : [0];
}

// Puts `pdf` on screen. keep: 'offset' (same document refreshed: same
// scroll offsets), 'ratio' (zoom changed: same relative place), 'top'.
async function present(pdf, keep) {
  const before = {
    top: pagesEl.scrollTop,
    left: pagesEl.scrollLeft,
    ratio: (pagesEl.scrollTop + pagesEl.clientHeight / 2) / Math.max(1, pagesEl.scrollHeight),
  };
  const wanted = keep === 'top' ? [0, 1] : visibleIndices();
  const { scale, entries } = await layoutPages(pdf);
  await Promise.all(wanted.filter((i) => i < entries.length).map((i) => draw(entries[i])));
  observer.disconnect();
  for (const e of view.pages) e.page.cleanup?.();
  view.pages = entries;
  pagesEl.replaceChildren(...entries.map((e) => e.div));
  if (keep === 'offset') {
    pagesEl.scrollTop = before.top;
    pagesEl.scrollLeft = before.left;
  } else if (keep === 'ratio') {
    pagesEl.scrollTop = before.ratio * pagesEl.scrollHeight - pagesEl.clientHeight / 2;
  } else {
    pagesEl.scrollTop = 0;
  }
  entries.forEach((e) => observer.observe(e.div));
  document.body.dataset.renderedPages = String(pagesEl.querySelectorAll('canvas[data-rendered]').length);
  showZoom(scale);
}

// Changes of what is on screen (a new PDF, a zoom) run one after the other.
let screenQueue = Promise.resolve();
function onScreen(change) {
  screenQueue = screenQueue.then(change, change);
  return screenQueue;
}

async function loadGeneration() {
  const t0 = performance.now();
  const res = await fetch('/pdf', { cache: 'no-store' });
  if (!res.ok) throw new Error(`GET /pdf: ${res.status}`);
  const generation = Number(res.headers.get('Emnpub-Generation')) || view.wanted;
  const data = new Uint8Array(await res.arrayBuffer());
  const fetched = performance.now();
  const pdf = await pdfjsLib.getDocument({
    data,
    worker,
    isEvalSupported: false,
    cMapUrl: '/pdfjs/cmaps/',
    cMapPacked: true,
    standardFontDataUrl: '/pdfjs/standard_fonts/',
  }).promise;
  return { pdf, generation, ms: [fetched - t0, performance.now() - fetched] };
}

// Brings the screen to the newest good generation; one load at a time.
async function sync() {
  if (view.busy) return;
  view.busy = true;
  try {
    while (view.wanted > view.generation) {
      const sample = view.wantedSample;
      const { pdf, generation, ms } = await loadGeneration();
      await onScreen(async () => {
        const t = performance.now();
        const keep = sample === view.sample ? 'offset' : !view.pdf && saved.sample === sample ? 'restore' : 'top';
        const old = view.pdf;
        await present(pdf, keep === 'restore' ? 'top' : keep);
        if (keep === 'restore') {
          pagesEl.scrollTop = saved.top || 0;
          pagesEl.scrollLeft = saved.left || 0;
        }
        view.pdf = pdf;
        view.sample = sample;
        old?.destroy();
        document.body.dataset.pdfGeneration = String(generation);
        document.body.dataset.shownAt = String(Date.now());
        // How long the last refresh took in the page: fetch, parse, draw (ms).
        document.body.dataset.timing = [...ms, performance.now() - t].map(Math.round).join(',');
      });
      view.generation = generation;  // /pdf is never older than the status announcing it
    }
  } catch (e) {
    console.error(e);
    setState(`could not show the PDF: ${e.message}`);
  } finally {
    view.busy = false;
  }
}

// ---- zoom ---------------------------------------------------------------

function showZoom(scale) {
  $('zoom-level').value = view.zoom === 'fit' ? `fit (${Math.round(scale * 100)}%)` : `${Math.round(scale * 100)}%`;
  $('zoom-level').textContent = $('zoom-level').value;
  document.body.dataset.zoom = String(view.zoom);
}

function currentScale() {
  return view.pages.length ? view.pages[0].viewport.scale : 1;
}

function setZoom(z) {
  view.zoom = z;
  remember();
  return onScreen(() => view.pdf && present(view.pdf, 'ratio'));
}

function step(direction) {
  const s = currentScale();
  const next = direction > 0 ? ZOOMS.find((z) => z > s + 0.001) : [...ZOOMS].reverse().find((z) => z < s - 0.001);
  if (next) setZoom(next);
}

$('zoom-in').addEventListener('click', () => step(+1));
$('zoom-out').addEventListener('click', () => step(-1));
$('zoom-fit').addEventListener('click', () => setZoom('fit'));
document.addEventListener('keydown', (e) => {
  if (e.target instanceof HTMLSelectElement || e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === '+' || e.key === '=') step(+1);
  else if (e.key === '-') step(-1);
  else if (e.key === '0') setZoom('fit');
});
let resizeTimer = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  if (view.zoom === 'fit') resizeTimer = setTimeout(() => onScreen(() => view.pdf && present(view.pdf, 'ratio')), 150);
});

// Zoom and place survive a reload of the page itself (F5).
function remember() {
  try {
    sessionStorage.setItem(STORE, JSON.stringify({
      zoom: view.zoom, sample: view.sample, top: pagesEl.scrollTop, left: pagesEl.scrollLeft,
    }));
  } catch { /* private mode: not kept */ }
}
let scrollTimer = 0;
pagesEl.addEventListener('scroll', () => {
  clearTimeout(scrollTimer);
  scrollTimer = setTimeout(remember, 200);
});

// ---- state from the server ------------------------------------------------

const base = (p) => (p || '').split('/').pop();
const clock = (iso) => (iso ? new Date(iso).toLocaleTimeString('en-GB') : '');

function setState(text) {
  $('state').textContent = text;
}

function fillSelect(select, values, current, extra = []) {
  const want = [...extra, ...values.map((v) => [v, v])];
  const have = [...select.options].map((o) => [o.value, o.textContent]);
  if (JSON.stringify(want) !== JSON.stringify(have)) {
    select.replaceChildren(...want.map(([value, label]) => new Option(label, value)));
  }
  if (!want.some(([v]) => v === current)) select.append(new Option(current, current));
  select.value = current;
}

async function refreshSamples() {
  try {
    const res = await fetch('/samples', { cache: 'no-store' });
    const s = await res.json();
    fillSelect($('sample'), s.samples, s.sample);
  } catch (e) {
    console.error(e);
  }
}

function onStatus(st) {
  view.status = st;
  document.body.dataset.generation = String(st.generation);
  const errors = st.errors || [];
  document.body.dataset.state = errors.length ? 'error' : 'ok';
  const panel = $('errors');
  if (errors.length) {
    $('error-title').textContent = st.pdf_generation
      ? `${base(st.sample)} was refused; the pages below are the last good render (${clock(st.rendered_at)})`
      : `${base(st.sample)} was refused; there is no good render yet`;
    $('error-lines').textContent = errors.join('\n');
    panel.hidden = false;
  } else {
    panel.hidden = true;
  }
  if (st.busy) setState('rendering…');
  else if (errors.length) setState(`refused at ${clock(st.attempted_at)}`);
  else setState(`${st.pages} page${st.pages === 1 ? '' : 's'} · ${st.layout} · ${Math.round(st.render_ms)} ms · ${clock(st.rendered_at)}`);

  fillSelect($('layout'), st.layouts || [], st.layout_choice || '', [['', 'by document type']]);
  if (base(st.sample) !== $('sample').value) refreshSamples();

  if (!st.pdf_generation && !view.pdf) {
    pagesEl.replaceChildren(Object.assign(document.createElement('p'), { className: 'empty', textContent: 'No page to show yet.' }));
  }
  if (st.pdf_generation && st.pdf_generation < view.wanted) {
    // The preview was restarted (its generations count from 1 again).
    view.wanted = 0;
    view.generation = 0;
  }
  if (st.pdf_generation > view.wanted) {
    document.body.dataset.announcedAt = String(Date.now());
    view.wanted = st.pdf_generation;
    view.wantedSample = st.pdf_sample;
    sync();
  }
}

async function choose(params) {
  const res = await fetch(`/select?${new URLSearchParams(params)}`, { method: 'POST' });
  if (!res.ok) setState(await res.text());
}

$('sample').addEventListener('change', (e) => choose({ sample: e.target.value }));
$('sample').addEventListener('focus', refreshSamples);
$('layout').addEventListener('change', (e) => choose({ layout: e.target.value }));

function connect() {
  const events = new EventSource('/events');
  events.addEventListener('status', (e) => onStatus(JSON.parse(e.data)));
  events.addEventListener('open', () => { document.body.dataset.connected = 'yes'; });
  events.addEventListener('error', () => {
    document.body.dataset.connected = 'no';
    setState('connection lost; retrying…');
  });
}

refreshSamples();
connect();
