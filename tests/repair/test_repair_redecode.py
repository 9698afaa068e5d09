"""Mojibake ftfy leaves alone: code pages and lost bytes (mtclean.repair.redecode)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mtclean
from mtclean.repair.redecode import (
    _SCREEN,
    CODE_PAGES,
    WINDOWS_PAGES,
    Redecoder,
    _encoder,
    _suspect,
)

FIX = Redecoder()

#: Words of 13 languages (and typographic marks) that carry non-ASCII letters.
WORDS = {
    "fr": ["déjà", "garçon", "Élysée", "hôpital", "œuvre"],
    "de": ["Bürger", "Straße", "Öffnung", "Ärzte"],
    "es": ["González", "Núñez", "año", "región"],
    "pt": ["São", "ação", "Conceição", "avô"],
    "it": ["città", "perché", "più"],
    "pl": ["Wałęsa", "Łódź", "źródło", "Kraków"],
    "cs": ["Škoda", "Dvořák", "žluťoučký", "Český"],
    "tr": ["Erdoğan", "ağaç", "İstanbul", "Kılıçdaroğlu"],
    "ro": ["București", "Iași", "țară"],
    "hu": ["Győr", "Orbán", "szőlő"],
    "sv": ["Malmö", "Åre", "Göteborg"],
    "vi": ["Việt", "Nguyễn"],
    "nl": ["België", "coördinatie"],
    "marks": ["“quoted”", "‘single’", "—"],
}
ALL_WORDS = [w for words in WORDS.values() for w in words]


def mojibake(word: str, codec: str) -> str:
    """``word``'s UTF-8 bytes read through ``codec`` (sloppy, as the pages show it)."""
    decode = {b: chr(c) for c, b in _encoder(codec).items()}
    return "".join(decode[b] for b in word.encode("utf-8"))


def sentence(word: str) -> str:
    return f"The word {word} appears in this English sentence."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Judge Gonzรกlez ruled", "Judge González ruled"),
        ("He said โ€œwe stayโ€\x9d today", "He said “we stay” today"),
        ("President ErdoÄŸan spoke", "President Erdoğan spoke"),
        ("A ĹľluĹĄouÄŤkĂ˝ horse", "A žluťoučký horse"),  # cp1250
        ("The city of Р‘РµР»РіСЂР°Рґ", "The city of Р‘РµР»РіСЂР°Рґ"),  # Cyrillic result: stays
        ("He said โ€œThe tenant.โ€\nNext", "He said “The tenant.”\nNext"),
        ("He said โ€œThe tenant.โ€ Then", "He said “The tenant.” Then"),
        ("bought a Å koda car", "bought a Škoda car"),
        ("the old town of CittÃ.", "the old town of Città."),
    ],
)
def test_repairs(text: str, expected: str) -> None:
    assert FIX(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Thai บ้านรกมาก and บ้าน รก มาก",
        "Turkish ağaç, Czech žluťoučký kůň, Polish źdźbło",
        "Москва, Αθήνα, ירושלים, القاهرة in one line",
        "The letter Å is Swedish; Å Ångström",
        "Price: 5 € each, 2 ‰ and © 2024 ™",
        "Zürich, São Paulo, Malmö, Kraków, Nguyễn",
        "บ้านรกมาก โ€œ",  # a Thai line is not Latin-script text
    ],
)
def test_genuine_text_stays(text: str) -> None:
    assert FIX(text) == text


@pytest.mark.parametrize("codec", CODE_PAGES)
def test_generated_mojibake_is_fixed_or_left(codec: str) -> None:
    """Mojibake of words in 13 languages through each code page: restored, left as it
    is (ftfy's or nobody's), or (when a Windows code page reads the same characters as
    another word's mojibake) that other word, never anything else."""
    for word in ALL_WORDS:
        broken = mojibake(word, codec)
        out = FIX(sentence(broken))
        if out in (sentence(word), sentence(broken)):
            continue
        other = out.split()[2]
        assert any(mojibake(other, page) == broken for page in WINDOWS_PAGES), (word, out)


@pytest.mark.parametrize("codec", ["cp874", "koi8_r", "cp1251", "cp1256", "mac_latin2"])
def test_code_pages_ftfy_misses_are_mostly_restored(codec: str) -> None:
    restored = sum(mtclean.clean(sentence(mojibake(w, codec))) == sentence(w) for w in ALL_WORDS)
    assert restored >= len(ALL_WORDS) // 2


_SCRIPTS = {
    "thai": "กขคงจฉชซญดตถทนบปผพฟภมยรลวสหอฮะาำิีึืุูเแโใไ่้๊๋",
    "cyrillic": "абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ",
    "greek": "αβγδεζηθικλμνξοπρστυφχψωΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩάέήίόύώ",
    "turkish": "abcçdefgğhıijklmnoöprsştuüvyzÇĞİÖŞÜ",
    "czech": "aábcčdďeéěfghiíjklmnňoóprřsštťuúůvyýzžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ",
    "polish": "aąbcćdeęfghijklłmnńoóprsśtuwyzźżĄĆĘŁŃÓŚŹŻ",
    "hungarian": "aábcdeéfghiíjklmnoóöőpqrstuúüűvwxyzÁÉÍÓÖŐÚÜŰ",
    "romanian": "aăâbcdefghiîjklmnopqrsștțuvwxyzĂÂÎȘȚ",
    "french": "abcdeéèêëàâçîïôûùüÿœæÉÈÀÇŒ",
    "vietnamese": "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệ"
    "ìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ",
}


@settings(max_examples=300, deadline=None)
@given(
    script=st.sampled_from(sorted(_SCRIPTS)),
    data=st.data(),
)
def test_genuine_words_never_change(script: str, data: st.DataObject) -> None:
    # Words have the case shapes of real words: lower case, Capitalised or ALL CAPS.
    word = st.tuples(
        st.text(alphabet=_SCRIPTS[script], min_size=1, max_size=10),
        st.sampled_from([str.lower, str.capitalize, str.upper]),
    ).map(lambda pair: pair[1](pair[0].lower()))
    words = data.draw(st.lists(word, min_size=1, max_size=4))
    text = "In English prose: " + " ".join(words) + " and more words here."
    assert FIX(text) == text


@settings(max_examples=200, deadline=None)
@given(word=st.sampled_from(ALL_WORDS), codec=st.sampled_from(CODE_PAGES))
def test_cleaning_twice_equals_once(word: str, codec: str) -> None:
    once = mtclean.clean(sentence(mojibake(word, codec)))
    assert mtclean.clean(once) == once


def test_the_batch_screen_holds_every_character_the_step_repairs() -> None:
    """``may_change`` looks for ``_SCREEN``: every character ``_suspect`` holds, the euro
    sign and the lead bytes the lost-byte rule needs, and nothing else."""
    for code in range(0x30000):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        wanted = _suspect(char) or char in "\u20ac\u00c3\u00c5"
        assert (_SCREEN.fullmatch(char) is not None) == wanted, hex(code)
