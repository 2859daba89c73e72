"""The main language of an article: the cheap English test agrees with lingua."""
from __future__ import annotations

from rashomon.language import _plainly_english, detect_language, main_language

ENGLISH = ("The council said on Monday that the new ferry timetable would come into force next month, "
           "and that the operators had been told to publish their revised fares with the schedule. "
           "Residents who have complained about the late crossings said they would wait to see it.")
FRENCH = ("Le conseil a annoncé lundi que le nouvel horaire des traversées entrerait en vigueur le mois "
          "prochain, et que les exploitants devraient publier leurs tarifs révisés avec le calendrier. "
          "Les habitants qui se plaignent des traversées tardives attendront de voir.")
GERMAN = ("Der Rat sagte am Montag, was der neue Fahrplan der Fähre bringen soll, und dass die Betreiber "
          "ihre Preise mit dem Plan veroeffentlichen muessen. Die Anwohner in der Stadt warten ab, was "
          "kommt, und sagen, dass sie von den spaeten Fahrten genug haben.")


class _Line:
    def __init__(self, text: str):
        self.text, self.words = text, len(text.split())


def test_plain_english_sample_is_english_without_lingua_and_with_it():
    assert _plainly_english(ENGLISH)
    assert detect_language(ENGLISH) == "en"
    assert main_language([_Line(ENGLISH)]) == "en"


def test_other_languages_and_short_samples_go_to_lingua():
    assert not _plainly_english(FRENCH)  # accented letters
    assert not _plainly_english(GERMAN)  # ASCII spelling, but few English function words
    assert main_language([_Line(GERMAN)]) == "de"
    assert main_language([_Line(FRENCH)]) == "fr"
    assert not _plainly_english("The council said that the timetable was late.")  # under 30 words


# Short samples (under SHORT_SAMPLE_CHARS): one-line statements and posts.
SHORT = [
    ("Harbour master Jelena Dvořák said 40 boats were stranded.", "en"),  # a marker beside a Czech name
    ("Councillor Piotr Wąsik rejected the claim on Friday.", "en"),
    ("The ferry from Ostrava was late again.", "en"),
    ("Мэр заявил, что паром отменён.", "ru"),  # another script: lingua's answer
    ("Police dispersed Kovačević's supporters.", None),  # no marker (lingua: Swedish, 1.0): unknown, not refused
    ("Le conseil a publié les nouveaux horaires lundi.", None),  # Latin script, no marker: unknown too
    ("12:40", None),
]


def test_short_samples_are_english_by_marker_words_another_script_by_lingua_else_unknown():
    for text, expected in SHORT:
        assert main_language([_Line(text)]) == expected, text
