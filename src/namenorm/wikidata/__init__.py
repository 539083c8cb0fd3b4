"""Wikidata packs: ``namenorm gazetteer from-wikidata`` builds a ``.gaz`` file from a Wikidata dump
or SPARQL result.

- :mod:`namenorm.wikidata.read`: the dump format, as :class:`~namenorm.wikidata.read.Item` records,
  and :mod:`namenorm.wikidata.sparql`: SPARQL results;
- :mod:`namenorm.wikidata.classes`: P31 classes -> namenorm types, P21 -> gender;
- :mod:`namenorm.wikidata.pack`: items -> ``.gaz`` blocks;
- :mod:`namenorm.wikidata.cli`: the command and the streaming build.

It lives outside :mod:`namenorm.gazetteer` on purpose: the code of that package is part of the
compiled index's cache key, and building packs does not decide what an index holds.
"""
