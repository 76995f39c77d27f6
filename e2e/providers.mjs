// A stand-in for translation services in front of a real Apertium APy on 127.0.0.1.
//
//   /apy/...             APy itself, proxied, with faults injected on demand;
//   /libretranslate/...  LibreTranslate's wire format (POST /translate, GET /languages),
//   /google/...          Google Cloud Translation v2's (POST /language/translate/v2?key=),
//   /deepl/...           DeepL v2's (POST /v2/translate with Authorization: DeepL-Auth-Key).
//
// The LibreTranslate, Google and DeepL stubs exist because those services' models cannot run here;
// they translate each text through the same real APy, so their output is real uk<->ru translation,
// and they speak each service's documented request and response shapes exactly (including the
// error bodies). Faults are queued per test: `stub.fault({ status, body, headers, times })`.
import { createServer } from 'node:http';

const APY_CODE = { uk: 'ukr', ru: 'rus', en: 'eng' };
const DEEPL_CODE = { UK: 'uk', RU: 'ru', EN: 'en', 'EN-GB': 'en', 'EN-US': 'en' };

export async function startProviders(apyUrl) {
  const log = [];
  let faults = [];
  let delayMs = 0;

  async function apy(path, init) {
    const r = await fetch(apyUrl + path, init);
    return { status: r.status, text: await r.text() };
  }

  async function apyTranslate(text, from, to) {
    const body = new URLSearchParams({ langpair: `${APY_CODE[from]}|${APY_CODE[to]}`, q: text, markUnknown: 'no', format: 'html' });
    const r = await apy('/translate', { method: 'POST', body });
    if (r.status !== 200) return { error: r };
    return { text: JSON.parse(r.text).responseData.translatedText };
  }

  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'content-type, authorization',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-expose-headers': 'retry-after',
  };

  function send(res, status, body, headers = {}, withCors = true) {
    res.writeHead(status, { 'content-type': 'application/json', ...(withCors ? cors : {}), ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  }

  async function readBody(req) {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    return Buffer.concat(chunks).toString('utf8');
  }

  async function translateAll(texts, from, to) {
    const out = [];
    for (const t of texts) {
      const r = await apyTranslate(t, from, to);
      if (r.error) return r;
      out.push(r.text);
    }
    return { texts: out };
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (req.method === 'OPTIONS') return send(res, 204, '');
    const body = req.method === 'POST' ? await readBody(req) : '';
    const entry = { at: Date.now(), method: req.method, path: url.pathname, query: url.search, body, authorization: req.headers.authorization ?? null };
    log.push(entry);

    const isTranslation = !url.pathname.endsWith('listPairs') && !url.pathname.endsWith('languages');
    const fault = faults.find((f) => isTranslation && (!f.match || f.match(entry)));
    if (fault) {
      fault.times -= 1;
      if (fault.times <= 0) faults = faults.filter((f) => f !== fault);
      entry.fault = fault.name ?? fault.status;
      if (fault.hang) return; // never answers: the client's timeout must fire
      if (fault.noCors) return send(res, 200, '{}', {}, false);
      if (fault.dropMarkers) {
        // A real translation whose batch separators were lost on the way (a proxy that rewrites
        // HTML, say): the texts run together.
        const q = new URLSearchParams(body);
        const r = await apyTranslate(q.get('q'), 'uk', 'ru');
        const joined = r.text.replace(/<hr data-trimova="\d+">/g, ' ');
        return send(res, 200, { responseData: { translatedText: joined }, responseDetails: null, responseStatus: 200 });
      }
      if (fault.truncate) {
        const q = new URLSearchParams(body);
        const r = await apyTranslate(q.get('q'), 'uk', 'ru');
        const cut = r.text.slice(0, Math.floor(r.text.length / 3));
        return send(res, 200, { responseData: { translatedText: cut }, responseDetails: null, responseStatus: 200 });
      }
      return send(res, fault.status, fault.body ?? '', fault.headers ?? {});
    }
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));

    try {
      if (url.pathname.startsWith('/apy/')) {
        const r = await apy(url.pathname.slice(4), req.method === 'POST' ? { method: 'POST', body, headers: { 'content-type': req.headers['content-type'] } } : {});
        return send(res, r.status, r.text);
      }
      if (url.pathname === '/libretranslate/languages') {
        return send(res, 200, [
          { code: 'uk', name: 'Ukrainian', targets: ['ru'] },
          { code: 'ru', name: 'Russian', targets: ['uk'] },
        ]);
      }
      if (url.pathname === '/libretranslate/translate') {
        const { q, source, target, format } = JSON.parse(body);
        if (format !== 'html') return send(res, 400, { error: 'format must be html for this test' });
        const r = await translateAll([q].flat(), source, target);
        if (r.error) return send(res, 400, { error: `${source} is not supported` });
        return send(res, 200, { translatedText: Array.isArray(q) ? r.texts : r.texts[0] });
      }
      if (url.pathname === '/google/language/translate/v2') {
        if (!url.searchParams.get('key')) return send(res, 403, { error: { code: 403, message: 'The request is missing a valid API key.', errors: [{ reason: 'forbidden' }] } });
        const { q, source, target } = JSON.parse(body);
        if (q.length > 128) return send(res, 400, { error: { code: 400, message: 'Too many text segments', errors: [{ reason: 'invalid' }] } });
        const r = await translateAll(q, source, target);
        if (r.error) return send(res, 400, { error: { code: 400, message: 'Bad language pair: ' + source + '|' + target, errors: [{ reason: 'invalid' }] } });
        return send(res, 200, { data: { translations: r.texts.map((translatedText) => ({ translatedText })) } });
      }
      if (url.pathname === '/deepl/v2/translate') {
        if (!/^DeepL-Auth-Key \S+/.test(req.headers.authorization ?? '')) return send(res, 403, { message: 'Wrong endpoint or authentication' });
        const { text, source_lang, target_lang, tag_handling } = JSON.parse(body);
        if (text.length > 50) return send(res, 413, { message: 'Too many texts' });
        if (tag_handling !== 'html') return send(res, 400, { message: 'tag_handling must be html' });
        const r = await translateAll(text, DEEPL_CODE[source_lang], DEEPL_CODE[target_lang]);
        if (r.error) return send(res, 400, { message: 'Value for target_lang not supported' });
        return send(res, 200, { translations: r.texts.map((t) => ({ detected_source_language: source_lang, text: t })) });
      }
      send(res, 404, { error: 'no such endpoint' });
    } catch (e) {
      send(res, 500, { error: String(e) });
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    log,
    /** Queue a fault for the next `times` matching requests (default: translation requests). */
    fault(f) {
      faults.push({ times: 1, ...f });
    },
    clearFaults() {
      faults = [];
    },
    setDelay(ms) {
      delayMs = ms;
    },
    reset() {
      log.length = 0;
      faults = [];
      delayMs = 0;
    },
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}
