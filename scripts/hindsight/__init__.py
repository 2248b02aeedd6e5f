"""What happened next: the authors' forecasts, each an annotation in the project's format
(tag ``what-happened-next``, a ``forecast`` block: what was expected, the outcome, one line on
what happened), checked as notes of the edition's voice (every fact sourced, dated "As of ..."),
marked in the essays, and scored author by author on the scorecard page (``docs/hindsight/``)."""
