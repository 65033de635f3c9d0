#!/usr/bin/env bash
# Writes COUNT (default 500) made-up registrations for the demo congress as CSV to stdout, in the
# format `einlass-admin import` reads (see server/admin/registration_csv.h): German names, many
# with umlauts or ß, from federal, state and municipal administrations; categories Teilnehmer,
# Referent, Aussteller and Presse; most attendees come on both days, some on one.
# Deterministic (no random numbers): the same COUNT gives the same file byte for byte, so the
# demo's ticket T000001 is always the same person. Plain bash + awk (mawk or gawk).
# Usage: make_registrations.sh [COUNT] > registrations.csv
set -euo pipefail
count=${1:-500}
[[ $count =~ ^[0-9]+$ ]] && ((count >= 1 && count <= 99999)) ||
  { echo "usage: $0 [COUNT 1..99999]" >&2; exit 2; }

LC_ALL=C awk -v count="$count" '
function split_list(text, into) { return split(text, into, "|") }
# The lower-case ASCII form of a name for its e-mail address.
function ascii(s) {
  gsub(/ä/, "ae", s); gsub(/ö/, "oe", s); gsub(/ü/, "ue", s);
  gsub(/Ä/, "ae", s); gsub(/Ö/, "oe", s); gsub(/Ü/, "ue", s);
  gsub(/ß/, "ss", s); gsub(/ı/, "i", s); gsub(/ó/, "o", s); gsub(/ł/, "l", s);
  gsub(/ğ/, "g", s); gsub(/ş/, "s", s); gsub(/ç/, "c", s); gsub(/Ç/, "c", s);
  gsub(/[ .]/, "", s);
  return tolower(s)
}
# RFC 4180: a field with a comma or a quote is quoted, and its quotes are doubled.
function quoted(s) {
  if (!index(s, ",") && !index(s, "\"")) return s
  gsub(/"/, "\"\"", s)
  return "\"" s "\""
}
BEGIN {
  nf = split_list("Jürgen|Anna-Lena|Björn|Käthe|Sören|Sophie|Günter|Leonie|Jörg|Hannah|" \
    "Maximilian|Bärbel|Lukas|Özlem|Felix|Dörte|Jonas|Emilia|Matthias|Ute|Hüseyin|Katharina|" \
    "Malte|Svenja|Wolfgang|Grete|Paul|Heike|Ralf|Mia|Friedrich|Claudia|Mehmet|Lena|Torben|Jürgen-Peter|" \
    "Agnieszka|Moritz|Gülay|Henrike", first)
  nl = split_list("Müller|Schröder|Weiß|Groß|Böhm|Köhler|Krüger|Jäger|Schäfer|Hoffmann|" \
    "Schmidt|Schneider|Fischer|Wagner|Becker|Meißner|Strauß|Fuß|Günther|Lößner|Yılmaz|" \
    "Öztürk|Nowak|Wójcik|Hähnel|Brückner|Dietrich|Lorenz|Seidel|Vogt|Weiß-Schäfer|Kießling|" \
    "Grünewald|Sommerfeld|Bäumer|Oßwald|von Löwenstein|Zimmermann|Çelik|Mäurer|Krause|Roß", last)
  nb = split_list("Bundesministerium des Innern und für Heimat|Bundesministerium der Finanzen|" \
    "Bundesministerium für Wirtschaft und Klimaschutz|Bundesministerium für Arbeit und Soziales|" \
    "Bundesministerium für Digitales und Verkehr|Bundesministerium für Bildung und Forschung|" \
    "Bundesministerium für Umwelt, Naturschutz, nukleare Sicherheit und Verbraucherschutz|" \
    "Bundesministerium für Familie, Senioren, Frauen und Jugend|" \
    "Bundesamt für Sicherheit in der Informationstechnik|Bundesverwaltungsamt|" \
    "Statistisches Bundesamt|Informationstechnikzentrum Bund|" \
    "Bundesamt für Migration und Flüchtlinge|Bundeszentralamt für Steuern|" \
    "Bundesamt für Kartographie und Geodäsie|Bundesagentur für Arbeit", bund)
  ns = split_list("Sachsen|Bayern|Thüringen|Baden-Württemberg|Nordrhein-Westfalen|" \
    "Niedersachsen|Schleswig-Holstein|Mecklenburg-Vorpommern|Brandenburg|Hessen|" \
    "Rheinland-Pfalz|Saarland|Sachsen-Anhalt|Hamburg|Bremen|Berlin", state)
  nt = split_list("Landesamt für Digitalisierung|Landesamt für Statistik|Landesamt für Steuern|" \
    "Landesamt für Geoinformation und Landesvermessung|Landesamt für Straßenbau und Verkehr|" \
    "Landesamt für Finanzen|Landesamt für Umwelt|Landesamt für Schule und Bildung|" \
    "Landesamt für Verfassungsschutz|Landesamt für Gesundheit und Soziales|" \
    "Ministerium des Innern|Staatskanzlei|Ministerium der Finanzen|" \
    "Landesbetrieb für Informationstechnik", land)
  nc = split_list("München|Köln|Düsseldorf|Lübeck|Göttingen|Würzburg|Fürth|Gießen|Görlitz|" \
    "Lüneburg|Saarbrücken|Osnabrück|Tübingen|Weißenfels|Meißen|Halle (Saale)|Mülheim an der Ruhr|" \
    "Frankfurt am Main|Leipzig|Nürnberg|Straubing|Jülich|Völklingen|Bückeburg", city)
  nk = split_list("Görlitz|Mühldorf a. Inn|Schwäbisch Hall|Märkisch-Oderland|" \
    "Nordwestmecklenburg|Ostallgäu|Lörrach|Nürnberger Land|Fürstenfeldbruck|Schaumburg|" \
    "Saalekreis|Mansfeld-Südharz|Rhön-Grabfeld|Düren|Höxter|Vorpommern-Greifswald|" \
    "Sächsische Schweiz-Osterzgebirge|Bad Tölz-Wolfratshausen|Straubing-Bogen|Ludwigslust-Parchim", county)

  print "id,name,organisation,email,category,days"
  for (i = 1; i <= count; i++) {
    f = first[(i * 7) % nf + 1]
    l = last[(i * 11 + int(i / nf)) % nl + 1]
    name = (i % 9 == 0 ? "Dr. " : "") f " " l
    kind = i % 4
    j = int(i / 4)
    if (kind == 0) org = bund[(j * 5) % nb + 1]
    else if (kind == 1) org = land[(j * 3) % nt + 1] " " state[(j * 5) % ns + 1]
    else if (kind == 2) org = "Stadt " city[(j * 5) % nc + 1]
    else org = "Landkreis " county[(j * 3) % nk + 1]
    c = i % 20
    category = c <= 1 ? "Referent" : c == 2 ? "Aussteller" : c == 3 ? "Presse" : "Teilnehmer"
    d = i % 10
    days = d == 7 ? "1" : d == 8 ? "2" : ""  # empty: both days
    email = substr(ascii(f), 1, 1) "." ascii(l) "." i "@example.org"
    printf "R-%04d,%s,%s,%s,%s,%s\n", i, quoted(name), quoted(org), email, category, days
  }
}'
