"""Synthetic projects at scale: takes a scale, a seed and the repository root, gives a complete
project directory (data/, content/, mkdocs.yml, theme/, schemas/) that passes `handbook check`
with no error and no warning, for benchmarks at province and nation scale (issue 7, item 1).

    generator.synth.run.synthesize(out, scale, seed, repo_root) -> counts

What is copied unchanged from the repository, so that Q&A, modules and citations stay valid:
content/, data/documents.yml, data/publications.yml, the four real "Dân vận khéo" models the
training modules cite as case studies (mh-duong-noi-dong-lai-xa, mh-ngo-xom-tu-quan-cam-son,
mh-to-phu-nu-nha-tro-tu-minh, mh-chuyen-doi-lua-thanh-mien), data/photos/anh-mau.svg (the one
photo every synthetic photo points at), mkdocs.yml, theme/ and schemas/ (so the
yaml-language-server comment at the top of every data file resolves).

Everything else is generated:

| scale          | scheme  | provinces | districts | communes | villages | teams   | models | assignments |
| -------------- | ------- | --------- | --------- | -------- | -------- | ------- | ------ | ----------- |
| tiny           | ba-cap  | 1         | 2         | 6        | 30       | 28      | 8      | 10          |
| tiny-hai-cap   | hai-cap | 2         | –         | 6        | 30       | 30      | 8      | 8           |
| province       | ba-cap  | 1         | 10        | 209      | 2,200    | 2,128   | 500    | 400         |
| nation         | hai-cap | 34        | –         | 3,321    | 90,000   | 90,000  | 3,000  | 3,000       |

(models and assignments are totals: models include the four real ones, assignments include
one armed unit per province exempt on combat-ready duty.) Team members: 7–10 a team (nation:
weighted towards 9–10, about 810,000); groups of 3–5 people in charge of 30–50 households,
every member in exactly one group; one bloc of 10 members in every commune with the
composition the Đề án asks for; every active assignment has at least one weekend activity in
every month from `since` to the month before the reference date, and every report the
deadlines make due (monthly and quarterly before the 25th, 6-monthly before 15/6, yearly
before 15/12), filed on time.

Design choices (documented so nobody is surprised):
- Team coverage at province scale. The issue's figures are 2,200 villages and 2,128 teams, so
  72 villages have no team. To keep those figures without TEAM-COVERAGE warnings, the
  three-level scales take the reference date 15/12/2023: the Đề án's 100%-coverage target
  applies from 2024 (thresholds.team_coverage_year), so the rule does not yet apply. Every
  other dated thing (founding decisions, ratings, meetings, dialogues, a year of activities
  from 01/12/2022, reports) is placed relative to that date. The two-level scales (after the
  01/7/2025 reform) take 15/12/2025 and give every village a team.
- Nation = one project. A project describes one province (config.province.unit must be a
  province-level unit), so the nation scale holds all 34 provinces as root units (level tinh,
  no parent), one units file each (data/units/<province>.yml), and config.province points at
  the first, Hà Nội: the site's directory page starts there and the other 33 provinces are
  reached through their pages, search and statistics, not from that page. Province names
  are the 34 real ones after the 2025 reform; their commune counts are approximations that
  add up to the real national total of 3,321.
- Names. Province and district names are real public facts (the three-level scale is Bắc
  Giang with its ten districts before 2025, like the repository's sample) and carry no
  `sample` flag; every commune, village, person, team, bloc, model and assignment is
  fictional and marked `sample: true`; config has `sample: true`. People's names combine
  family, middle and given name lists; no attempt is made to keep full names unique.
- Ids: communes `<district or province>-<name>`, villages `<commune>-<thon|ban|ap|tdp>-…`,
  teams `to-<village>` in data/teams/<commune>/, people `p-<village>-NN` and
  `p-khoi-<commune>-NN`, blocs `khoi-<commune>`, models `mh-<theme>-<place>`, assignments
  `pc-<agency>`.

Expected findings of `handbook check` on every scale: 0 errors, 0 warnings, 0 infos
(BLOC-PILOT is satisfied: the first commune of every district hosts a pilot bloc).

Determinism: a scale and a seed give byte-identical files, whatever the number of worker
processes. Every commune, assignment and the model list draw from their own
random.Random seeded with a string built from the seed and the record's id (string seeds
are hashed with SHA-512, so they do not depend on PYTHONHASHSEED), nothing iterates a set,
and the YAML is written by a small emitter (`generator.load.yamlemit`, the canonical layout
of data files that `handbook fmt` keeps: block style, keys in the models' field
order, plain scalars where YAML reads them back as the same string, JSON-style double quotes
otherwise). The order of the draws is part of the output: reordering the statements that
draw from a stream changes the files.

Speed: the nation scale writes about 100,000 files; communes and assignments are spread over
worker processes (fork) when there are many of them. Measured on the 2-core machine: province
1.4–5 s (3,367 files, 15 MB), nation 44 s on tmpfs and 58–75 s on the ext4 disk, where creating
a file costs about 0.7 ms of system time (99,484 files, 489 MB; 58 MB peak per process). Every
file stays far below the loader's 8 MB limit (the largest, a nation units file, is 0.6 MB).

The modules, in the order a run uses them:
- `scales`: the table above (Scale, SCALES) and the dates each scheme implies;
- `vocabulary`, `texts`: the word lists and running texts everything is drawn from;
- `randomness`, `spelling`: seeded streams, drawn dates and shares; id slugs and dates in text;
- `skeleton`: provinces, districts, communes and villages (drawn once, in the main process);
- `communes`, `assignments`, `exemplars`, `units_config`: the records, as plain dicts shaped by
  the models of generator/schema (`model_dicts`);
- `yamlemit` (a re-export of `generator.load.yamlemit`), `datafiles`: records to YAML text,
  and to files with their header comments;
- `run`: the output folder, the copied repository parts, the worker processes and the counts.

The repository's sample (data/, `python tools/make_sample_data.py`) is a small, hand-tuned
scale of the same builder: `sample` writes it with the skeleton units, `model_dicts`,
`datafiles` and `units_config`; what is written by hand is data beside it — `sample_places`
(the real communes, fictional villages, name lists), `sample_texts`, `sample_models` (the four
real models and sixteen stories), `sample_cases` (the deliberate departures from the rules
and the comments their files carry); `sample_communes` draws its teams and blocs. Its
records keep their own draws (one random.Random(2024) for the whole sample) and the editors'
YAML style, so that data/ stays what it is.
"""
