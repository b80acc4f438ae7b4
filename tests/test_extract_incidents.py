"""kg.extract.incidents: fires, failures, spills, strikes ... with site and date.

The release is dated Wednesday July 20, 2011 and reports on the second quarter
of 2011, so weekdays resolve to the days before July 20 and an undated event
falls in 2011-Q2.
"""

from __future__ import annotations

import kestrel
import pytest
from kestrel import MC, ONE_MINE, TWO_MINES

from kg.extract import read_release
from kg.extract.incidents import extract_incidents


def release(body: str, intro: str = ONE_MINE) -> str:
    return kestrel.release(body, intro, date="July 20, 2011")


def incidents(body: str, intro: str = ONE_MINE) -> list[tuple]:
    text = release(body, intro)
    out = []
    for i in extract_incidents(read_release(text)):
        assert text[i.span.start:i.span.end] == i.span.quote
        out.append((i.kind, i.site, i.date, i.period.label if i.period else None))
    return out


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "A pit wall failure occurred on Sunday at the Moose Creek open pit. Mining has resumed in the north "
            "wall area.",
            [("pit wall failure", MC, "2011-07-17", None)], id="weekday"),
        pytest.param(
            "Part of a tailings dam wall at the Moose Creek mine gave way on Monday, releasing slurry.",
            [("wall gave way", MC, "2011-07-18", None)], id="gave-way"),
        pytest.param(
            "A monitor well at the Moose Creek wellfield was placed on excursion status on July 4, 2011 after chloride "
            "readings rose.",
            [("excursion status", MC, "2011-07-04", None)], id="in-situ-excursion"),
        pytest.param(
            "It is with deep regret that Kestrel reports a fatal accident at the Moose Creek mine on July 14, 2011.",
            [("fatal accident", MC, "2011-07-14", None)], id="fatality-calendar-date"),
        pytest.param(
            "Unionized employees at the Moose Creek mine began a strike yesterday.",
            [("strike", MC, "2011-07-19", None)], id="strike-yesterday"),
        pytest.param(
            "A 31-hour power outage during the second quarter reduced throughput at the Moose Creek mill.",
            [("power outage", MC, None, "2011-Q2")], id="undated-in-a-quarter"),
        pytest.param(
            "A spill of diesel fuel from a haul truck at Moose Creek was reported to regulators on March 3, 2011.",
            [("diesel spill", MC, "2011-03-03", None)], id="spill"),
        pytest.param(
            "Heavy rain caused flooding of the underground workings at the Moose Creek mine on 14 July 2011.",
            [("underground flood", MC, "2011-07-14", None)], id="flooding-day-first-date"),
        pytest.param(
            "A rockburst on the 780 level injured two miners last Friday.",
            [("rockburst", MC, "2011-07-15", None)], id="rockburst-last-friday"),
        pytest.param(
            "A fire broke out in the Moose Creek concentrator on Saturday. The fire was extinguished within two "
            "hours and the concentrator was restarted on Monday.",
            [("fire", MC, "2011-07-16", None)], id="two-mentions-one-incident"),
        pytest.param(
            "On July 12, 2011, a conveyor belt fire at the Moose Creek mill forced a temporary shutdown of the "
            "plant.",
            [("conveyor belt fire", MC, "2011-07-12", None)],
            id="type-is-first-event-named"),
        # nothing happened
        pytest.param("Operations could be affected by a strike or power outage.", [], id="hypothetical"),
        pytest.param("There were no lost-time injuries during the quarter.", [], id="no-injuries"),
        pytest.param(
            "Forward-Looking Statements - This release contains forward-looking statements about risks such as "
            "fires, floods, strikes, power outages and other accidents which could cause results to differ.",
            [], id="boilerplate"),
    ],
)
def test_incidents(body: str, expected: list[tuple]) -> None:
    assert incidents(body) == expected


def test_incident_effects() -> None:
    text = release("On July 12, 2011, a conveyor belt fire at the Moose Creek mill forced a temporary shutdown of "
                   "the plant.")
    (incident,) = extract_incidents(read_release(text))
    assert {incident.kind, *incident.effects} == {"conveyor belt fire", "plant shutdown"}
    assert incident.date_text == "July 12, 2011"


def test_this_morning_is_the_release_date() -> None:
    found = incidents("The Moose Creek mill was shut down this morning after a failure of the ball mill motor.")
    assert [(site, date) for _kind, site, date, _period in found] == [(MC, "2011-07-20")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Flooding of the underground workings at the Lynx mine on July 8, 2011 halted production for three "
            "days.",
            [("underground flood", "Lynx", "2011-07-08", None)], id="second-mine"),
        pytest.param(
            "A fire at the Lynx mill on Monday damaged the flotation circuit. The Moose Creek mine was unaffected "
            "and continued to operate normally.",
            [("fire", "Lynx", "2011-07-18", None)],
            id="site-not-from-next-sentence"),
        pytest.param(
            "In May a section of the northern wall of the Lynx pit failed, displacing waste onto the pit floor.",
            [("wall failure", "Lynx", None, "2011-05")],
            id="wall-failed-verb"),
        pytest.param(
            "The Lynx mine had a good quarter. A ventilation fan failure forced a three-day evacuation of underground "
            "workers in June.",
            [("ventilation fan failure", "Lynx", None, "2011-06")],
            id="site-named-earlier-in-the-paragraph"),
    ],
)
def test_incident_sites(body: str, expected: list[tuple]) -> None:
    assert incidents(body, TWO_MINES) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an event noun or verb from the vocabulary, its clause's date expression and its clause's site
        pytest.param(
            "In June, groundwater flooded the lower levels of the Moose Creek mine, halting mining for ten days.",
            [("flood", MC, None, "2011-06")], id="flood-verb-month-without-year"),
        pytest.param(
            "We regret to report that a winch operator at Moose Creek suffered fatal injuries in May 2011.",
            [("fatality", MC, None, "2011-05")], id="fatal-injuries-in-a-month"),
        pytest.param(
            "A conveyor fire in the Moose Creek mill on March 3 halted processing for nine days.",
            [("conveyor fire", MC, "2011-03-03", None)], id="month-and-day-take-the-dateline-year"),
        pytest.param(
            "A tailings pipeline at the Moose Creek mine ruptured over the weekend, causing tailings to spill.",
            [("pipeline rupture", MC, "2011-07-16", None)], id="over-the-weekend"),
        pytest.param(
            "On Sunday, a section of the outer slope of the heap leach pad at Moose Creek slipped after heavy rain.",
            [("pad slip", MC, "2011-07-17", None)], id="slope-slipped"),
        pytest.param(
            "A winch operator at Kopje 4 Shaft died following a seismic event on Tuesday.",
            [("fatality", "Kopje 4 Shaft", "2011-07-19", None)], id="site-named-in-the-clause"),
        pytest.param(
            "On May 14, 2011, a fire broke out on the Kettle Lake overland conveyor.",
            [("fire", "Kettle Lake", "2011-05-14", None)], id="site-named-before-what-was-hit"),
        pytest.param(
            "Ground movement around the tailings storage area of the Pinecrest silver-zinc mine forced a halt to "
            "milling on May 9.",
            [("ground movement", "Pinecrest", "2011-05-09", None)], id="ground-movement-month-day"),
        # the day a release reports is not the day of the event
        pytest.param(
            "Kestrel said on Monday it had shut the Moose Creek mine after heavy rain caused flooding. Water poured "
            "into the shaft on Saturday, the company said.",
            [("flood", MC, "2011-07-16", None)], id="announced-on-monday-happened-on-saturday"),
        # a later reference joins the incident, whoever is named beside it
        pytest.param(
            "A haul truck operator was killed in an accident at the Moose Creek mine on Sunday. The Department of "
            "Mines has opened an investigation into the accident.",
            [("fatality", MC, "2011-07-17", None)], id="later-reference-joins"),
        pytest.param(
            "A six-day blockade of the Moose Creek access road in May interrupted deliveries; the blockade was lifted "
            "on May 28, 2011.",
            [("blockade", MC, None, "2011-05")], id="clause-date-before-sentence-date"),
        # two events on two days at one site are two incidents
        pytest.param(
            "A power outage on July 2, 2011 stopped the Moose Creek mill. It was the second stoppage at Moose "
            "Creek this year, after a conveyor fire on March 3 that halted processing.",
            [("power outage", MC, "2011-07-02", None), ("conveyor fire", MC, "2011-03-03", None)],
            id="two-days-two-incidents"),
        # plans, statistics and words that are events only with an object
        pytest.param("Throughput was lower because of the planned plant shutdown to install a new SAG mill.", [],
                     id="planned-shutdown"),
        pytest.param("There were zero fatalities and the lost time injury frequency rate improved to 0.8.", [],
                     id="safety-statistics"),
        pytest.param("Kestrel shares closed 3% higher and revenue slipped to $24 million.", [],
                     id="verbs-without-an-object"),
    ],
)
def test_incident_mechanisms(body: str, expected: list[tuple]) -> None:
    assert incidents(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Samples were analysed by fire assay with an atomic absorption finish.",
        "The vein has been traced for 800 metres along strike and remains open.",
        "The collapse in nickel prices weighed on revenue.",
        "The mill has operated accident-free for 400 days.",
        "The counterparty's failure to deliver was settled in June.",
    ],
    ids=["fire-assay", "along-strike", "price-collapse", "accident-free", "failure-to"],
)
def test_event_words_in_another_sense(body: str) -> None:
    assert incidents(body) == []


def test_a_fire_in_a_maintenance_shop_happened_and_a_possessive_place_is_the_mine() -> None:
    """"a fire in the underground maintenance shop" is an event (a maintenance shop is a place, not planned
    maintenance); "at Lynx's No. 3 Shaft" is at Lynx, so the highlight and the body's account are one incident."""
    body = ("Highlights: a fatal accident at Lynx in May.\n\nOn 16 May 2011 a team leader was fatally injured in a fall "
            "of ground at Lynx's No. 3 Shaft. On June 2, 2011, a fire in the underground maintenance shop at Moose Creek "
            "caused the evacuation of the mine.")
    got = incidents(body, TWO_MINES)
    assert [(site, date) for _kind, site, date, _p in got] == [("Lynx", "2011-05-16"), ("Moose Creek", "2011-06-02")]


def test_a_nationality_before_mine_is_no_site() -> None:
    """"seepage from a tailings dam at a Mexican silver mine" is at the release's mine, not at "Mexican"."""
    got = incidents("On June 2, 2011, tailings seepage was found below the dam at a Mexican silver mine, the Moose Creek "
                    "mine, and the facility was closed.")
    assert [site for _kind, site, _date, _p in got] == ["Moose Creek"]


def test_a_fire_during_planned_maintenance_a_slip_that_occurred_on_a_wall_and_a_mill_left_idle() -> None:
    """A fire during scheduled maintenance is an incident (a planned shutdown is not); "a slip occurred on the
    north-east wall of the pit" names what slipped; "the Lynx mill was idle from June 11 to June 19" is a stoppage
    from its first day."""
    got = incidents("On June 14, 2011, a fire broke out in the tank house at Moose Creek during scheduled maintenance on "
                    "the electrolyte circulation system. On 6 June 2011 a slip occurred on the north-east wall of the "
                    "Lynx pit. A planned shutdown of the Moose Creek mill for its reline took four days.", TWO_MINES)
    assert got == [("fire", MC, "2011-06-14", None), ("wall slip", "Lynx", "2011-06-06", None)]
    assert incidents("The Lynx mill was idle from June 11 to June 19, 2011, while the drive motor was replaced.",
                     TWO_MINES) == [("mill idle", "Lynx", "2011-06-11", None)]


def test_an_undated_highlight_takes_the_day_of_the_stoppage_it_names_and_another_event_keeps_its_own_site() -> None:
    """"SAG mill girth gear failure in May" then "The SAG mill was stopped on Saturday 4 May 2011": one failure, of
    that day, at the mine (the SAG mill is a machine, no place); a death at another operation later in the text is
    its own incident."""
    body = ("- SAG mill girth gear failure in May stopped processing for nine days\n\n"
            "The SAG mill was stopped at about 11.30pm on Saturday 4 May 2011 after a crack was found in the girth gear. "
            "On 27 June 2011 a contractor was fatally injured at the Lynx mine.")
    assert [(site, day) for _k, site, day, _p in incidents(body)] == [(MC, "2011-05-04"), ("Lynx", "2011-06-27")]


def test_a_safety_milestone_and_a_liner_replacement_are_no_incidents_and_a_milestones_day_dates_no_death() -> None:
    """"Despite a million fatality free shifts at Lynx on 2 June 2011, there were two fatalities at Moose Creek during
    the quarter": one incident, of the quarter (the milestone's day is not its date); a mill liner replacement's
    "12 day shutdown" is planned work."""
    body = ("- Lynx primary mill liner replacement completed - 12 day shutdown\n\n"
            "Despite achieving a million fatality free shifts at Lynx on 2 June 2011, there were tragically two "
            "fatalities at the Moose Creek mine during the quarter under review.")
    assert incidents(body, TWO_MINES) == [("fatalities", MC, None, "2011-Q2")]
