#!/usr/bin/env bash
# `make run`: serves dist/ on 127.0.0.1 with the sample articles and, where Apertium APy can be had,
# machine translation through a local APy (so the sample without a Russian edition reads in Russian).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8080}
site=target/run-site
mkdir -p "$site"
if apy=$(scripts/apy.sh "${APY_PORT:-2737}"); then
  printf '{ "languages": ["uk", "en", "ru"],\n  "translation": { "provider": "apertium", "endpoint": "%s", "api_key": null,\n                   "glossary": ["UNN", "Bloomberg", "DongA Ilbo"] } }\n' "$apy" > "$site/config.json"
  echo "Machine translation: Apertium APy at $apy (uk <-> ru)"
else
  printf '{ "languages": ["uk", "en", "ru"], "translation": { "provider": "none" } }\n' > "$site/config.json"
  echo "Machine translation: off (Apertium APy could not be started; see above)"
fi
# The example CMS page that embeds two articles (<trimova-article>) is at /examples/cms/.
ln -sfn "$PWD/examples" "$site/examples"
echo "Embedding example: http://127.0.0.1:$port/examples/cms/"
# The generated config.json is served in place of the one in dist/.
exec node scripts/serve.mjs --port "$port" "$site" dist
