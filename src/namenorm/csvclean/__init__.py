"""``namenorm clean``: add entity IDs to columns of large CSV files, streaming, in constant memory.

Modules: :mod:`~namenorm.csvclean.source` (opening, encoding and delimiter detection),
:mod:`~namenorm.csvclean.reader` (chunks, raw text for exact output), :mod:`~namenorm.csvclean.scan`
(plain records taken straight from the text), :mod:`~namenorm.csvclean.layout`
(where new columns go), :mod:`~namenorm.csvclean.lookup` (the value cache and ``--jobs``),
:mod:`~namenorm.csvclean.stream` (the cleaner), :mod:`~namenorm.csvclean.writer` (the rows' bytes),
:mod:`~namenorm.csvclean.output` (atomic output),
:mod:`~namenorm.csvclean.report`, :mod:`~namenorm.csvclean.progress`, :mod:`~namenorm.csvclean.cli`.

>>> import io, tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "c.gaz").write_text("[Q1899] LOC Kyiv\\nen: Kyiv | Kiev\\nuk: Київ\\n", encoding="utf-8")
>>> _ = (d / "in.csv").write_text("city,n\\nKiev,1\\nAtlantis,2\\n", encoding="utf-8")
>>> r = clean_csv(d / "in.csv", d / "out.csv", columns=["city"], gazetteers=[d / "c.gaz"],
...               include_bundled=False, fields="id,name")
>>> print((d / "out.csv").read_text(encoding="utf-8"), end="")
city,city_id,city_name,n
Kiev,Q1899,Kyiv,1
Atlantis,,,2
>>> r.stats.rows, r.stats.matched
(2, 1)
"""

from __future__ import annotations

from namenorm._columns import BatchNormalizer, CleanError, FieldSpec, Query
from namenorm.csvclean.run import CleanResult, clean_csv
from namenorm.csvclean.stream import CleanStats

__all__ = ["BatchNormalizer", "CleanError", "CleanResult", "CleanStats", "FieldSpec", "Query", "clean_csv"]
