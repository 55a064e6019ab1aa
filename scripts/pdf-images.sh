#!/bin/sh
# Regenerates the PDF pictures in docs/images from the sample province (npm run build first): the
# cover, 杭州's city page (its ranking and the city-level finding) and a review page whose findings
# wrap, in Chinese and in English. pdftoppm at 70 dpi, as the README shows them.
set -eu
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
node bin/yunshang.js score fixtures/submissions --out "$out/zh" --expert-scores fixtures/expert-scores.csv --lang zh --quiet >/dev/null
node bin/yunshang.js score fixtures/submissions --out "$out/en" --expert-scores fixtures/expert-scores.csv --lang en --quiet >/dev/null

# The first page whose text holds every one of the words given after the file.
find_page() {
  pdf=$1
  shift
  pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
  i=1
  while [ "$i" -le "$pages" ]; do
    text=$(pdftotext -f "$i" -l "$i" "$pdf" -)
    ok=1
    for w in "$@"; do
      case $text in *"$w"*) ;; *) ok=0 ;; esac
    done
    if [ "$ok" = 1 ]; then echo "$i"; return; fi
    i=$((i + 1))
  done
  echo "no page of $pdf holds: $*" >&2
  exit 1
}

shot() { pdftoppm -r 70 -png -singlefile -f "$2" -l "$2" "$1" "docs/images/$3"; }

# 金华宝嘉食品股份有限公司 has a finding long enough to wrap over two lines.
for lang in zh en; do
  if [ "$lang" = zh ]; then pdf="$out/zh/评审报告.pdf"; suffix=''; city='杭州市 · 市内排名'; sheet='评审表'
  else pdf="$out/en/review-report.pdf"; suffix='-en'; city='杭州市 · city ranking'; sheet='Review sheet'; fi
  shot "$pdf" 1 "cover$suffix"
  shot "$pdf" "$(find_page "$pdf" "$city")" "city-page$suffix"
  shot "$pdf" "$(find_page "$pdf" '金华宝嘉食品股份有限公司' "$sheet")" "review-page$suffix"
done
ls -l docs/images
