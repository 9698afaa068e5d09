"""Clean texts whose short lines look like page clutter: nothing is removed."""

from __future__ import annotations

import pytest

from mtclean.api import PASSES
from mtclean.boilerplate.stage import build_steps
from mtclean.options import Options
from mtclean.pipeline import Pipeline

STEP = Pipeline(tuple(build_steps(Options())), passes=PASSES)
P1 = "The committee met on Monday and agreed to extend the inquiry by six months.\n"
P2 = "Its chair said the final report would be published before the summer recess.\n"

CLEAN = [
    # short headings at the top or bottom of a text
    f"Listen\n\n{P1}\n{P2}",
    f"Search\n\n{P1}\n{P2}",
    f"{P1}\n{P2}\nReactions\n",
    f"{P1}\n{P2}\nListen\n",
    # an old book's preface headed ADVERTISEMENT
    "ADVERTISEMENT.\n\nThe following pages were written during the winter of 1851, "
    "and are now offered to the public with some hesitation.\n\n"
    "The author thanks the many friends who read the manuscript.\n",
    # "All rights reserved." after a copyright line of a book
    f"{P1}\n{P2}\nCopyright 1922 by Harold Wexley.\nAll rights reserved.\n",
    # a closing sentence that points to an archive
    f"{P1}\n{P2}\nRead more about the history of the bridge in the museum archive.\n",
    # subheadings between paragraphs
    f"{P1}\nA long road to reform\n\n{P2}\nWhat comes next\n\n{P1}",
    # a one-line quote
    f'{P1}\n"We will not give up."\n\n{P2}',
    # a dateline opening the story
    "AMSTERDAM –\n\nThe city council voted on Thursday to limit holiday rentals "
    "to thirty nights a year.\n\nThe measure takes effect in January.\n",
    # a bullet list and table rows
    f"{P1}\n- more inspectors in the ports\n- a register of owners\n- higher fines\n\n{P2}",
    f"{P1}\nYear | Visitors | Change\n2021 | 1,204 | +3%\n2022 | 1,388 | +15%\n\n{P2}",
    # prose about comments and cookies
    f"{P1}\nThe comments section of the newspaper was closed after a flood of abuse.\n\n"
    "Cookies set by advertisers track readers across sites, the regulator said.\n",
    # a body line that starts with "By"
    f"{P1}\nBy the end of the week the talks had collapsed and the envoys went home.\n\n{P2}",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_shapes_are_untouched(text: str) -> None:
    assert STEP.edits(text) == []
    assert STEP.fix(text) == text
