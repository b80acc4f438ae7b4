"""kg.extract.people: contact blocks and quoted speakers, merged per person."""

from __future__ import annotations

import pytest
from kestrel import ISSUER, release

from kg.extract import read_release
from kg.extract.people import extract_people


def people(body: str) -> list[tuple]:
    text = release(body)
    out = []
    for p in extract_people(read_release(text)):
        assert text[p.span.start:p.span.end] == p.span.quote
        # the evidence names the person (by last name at least)
        assert p.name.split()[-1] in p.span.quote
        out.append((p.name, p.role, p.organization, p.phone, p.email, p.quoted))
    return out


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "For more information, please contact:\n\nSarah L. Whitfield, Vice President, Investor Relations\n"
            "Phone: +1 604 555 0142\nEmail: swhitfield@kestrelgold.com",
            [("Sarah L. Whitfield", "Vice President, Investor Relations", ISSUER, "+1 604 555 0142",
              "swhitfield@kestrelgold.com", False)],
            id="name-comma-role-then-phone-email-lines"),
        pytest.param(
            "Investor Relations Contact:\n\nDaniel Okafor\nChief Financial Officer\n(604) 555-0187\n"
            "dokafor@kestrelgold.com",
            [("Daniel Okafor", "Chief Financial Officer", ISSUER, "(604) 555-0187", "dokafor@kestrelgold.com",
              False)],
            id="name-line-role-line"),
        pytest.param(
            "Technical information in this release has been reviewed by Heather Lind, P.Geo., Vice President "
            "Exploration, a qualified person under NI 43-101.",
            [("Heather Lind", "Vice President Exploration", None, None, None, False)], id="qualified-person"),
        pytest.param(
            "Edited by: Mariska Rooyen\n\nThe mill ran well.",
            [("Mariska Rooyen", "editor", None, None, None, False)], id="edited-by"),
        pytest.param(
            "Contact: Maria Ruiz, CEO, 416-555-0123, mruiz@kestrelgold.com",
            [("Maria Ruiz", "CEO", ISSUER, "416-555-0123", "mruiz@kestrelgold.com", False)],
            id="one-line-contact"),
        pytest.param(
            "MEDIA CONTACTS:\nAisha Mbeki, Manager, Corporate Communications, +27 11 555 0100, ambeki@kestrelgold.com\n"
            "Greg Parsons, Vice President, Investor Relations, +61 8 9321 4400, gparsons@kestrelgold.com",
            [("Aisha Mbeki", "Manager, Corporate Communications", ISSUER, "+27 11 555 0100",
              "ambeki@kestrelgold.com", False),
             ("Greg Parsons", "Vice President, Investor Relations", ISSUER, "+61 8 9321 4400",
              "gparsons@kestrelgold.com", False)],
            id="two-contacts-international-phones"),
        pytest.param(
            "MEDIA CONTACTS:\nAisha Mbeki – Manager, Corporate Communications – +27 11 555 0100 – ambeki@kestrelgold.com",
            [("Aisha Mbeki", "Manager, Corporate Communications", ISSUER, "+27 11 555 0100",
              "ambeki@kestrelgold.com", False)],
            id="dash-separated-one-line-contact"),
        # a contact block is a sequence of fields, whatever separates them
        pytest.param(
            "Enquiries:\nPaulo Mendes (Chief Financial Officer) +27 11 555 0188\n",
            [("Paulo Mendes", "Chief Financial Officer", ISSUER, "+27 11 555 0188", None, False)],
            id="contact-role-in-parentheses"),
        pytest.param(
            "For further information please contact:\n\nKestrel Gold Mines Inc.\n"
            "Yuki Tanaka      Head of Investor Relations     Tel: +44 20 7555 0111\n"
            "Brightside PR (media)\nOwen Marsh / Lena Fisk          Tel: +44 20 7555 0122\n",
            [("Yuki Tanaka", "Head of Investor Relations", ISSUER, "+44 20 7555 0111", None, False),
             ("Owen Marsh", None, ISSUER, "+44 20 7555 0122", None, False),
             ("Lena Fisk", None, ISSUER, "+44 20 7555 0122", None, False)],
            id="contact-columns-and-shared-phone"),
        pytest.param(
            "CONTACT: Kestrel Gold Mines Inc.\nRuth Ambler, 208-555-0190\nVice President - Investor Relations\n",
            [("Ruth Ambler", "Vice President - Investor Relations", ISSUER, "208-555-0190", None, False)],
            id="contact-phone-before-role"),
        pytest.param(
            "For further information please contact:\nBrook Street Capital (Nominated Adviser)\tJo Reid / Sam Hale\t"
            "+44 (0)20 5550 0199\n",
            [("Jo Reid", "Nominated Adviser", ISSUER, "+44 (0)20 5550 0199", None, False),
             ("Sam Hale", "Nominated Adviser", ISSUER, "+44 (0)20 5550 0199", None, False)],
            id="contact-role-before-the-names"),
        # one person named twice: the role written out wins over its abbreviation
        pytest.param(
            "\"A record quarter,\" said Maria Ruiz, Chief Executive Officer.\n\nContact: Maria Ruiz, CEO, 416-555-0123",
            [("Maria Ruiz", "Chief Executive Officer", ISSUER, "416-555-0123", None, True)],
            id="fuller-role-wins"),
        # a role phrase before the name, next to a speech verb, in any case
        pytest.param(
            "\"The mill ran well,\" said President and Chief Executive Officer Omar Haddad. \"We are on plan.\"",
            [("Omar Haddad", "President and Chief Executive Officer", ISSUER, None, None, True)],
            id="said-role-name"),
        pytest.param(
            "\"Lynx had a slow start,\" Kestrel chief executive Nora Quill said in a statement.",
            [("Nora Quill", "chief executive", ISSUER, None, None, True)],
            id="org-lower-case-role-name-said"),
        pytest.param(
            "\"That is a lot of tonnes to make up,\" said Harbourline analyst Ian Doyle, who cut his target.",
            [("Ian Doyle", "analyst", "Harbourline", None, None, True)],
            id="said-other-org-role-name"),
        # apposition: the role before the name, or an article and a firm after it
        pytest.param(
            "The company's chief financial officer, Priya Nair, told analysts that costs would fall.",
            [("Priya Nair", "chief financial officer", ISSUER, None, None, True)],
            id="role-comma-name-comma-told"),
        pytest.param(
            "Costs will fall, said the company's chief financial officer, Priya Nair.",
            [("Priya Nair", "chief financial officer", ISSUER, None, None, True)],
            id="said-role-comma-name"),
        pytest.param(
            "Ian Doyle, an analyst at Harbourline Securities, said the guidance looked brave.",
            [("Ian Doyle", "analyst", "Harbourline Securities", None, None, True)],
            id="name-an-analyst-at-firm"),
        # a line that is a name and its role signs a quote
        pytest.param(
            "We expect a strong second half.\nGrace Obi, President, CEO & Director, Kestrel Gold Mines Inc.\n",
            [("Grace Obi", "President, CEO & Director", ISSUER, None, None, False)],
            id="signature-line"),
        # an honorific makes a person of a speaker without a role
        pytest.param(
            "Mr. Karl Weiss reports\n\nKESTREL REPORTS SECOND QUARTER RESULTS",
            [("Karl Weiss", None, ISSUER, None, None, True)],
            id="honorific-reports"),
        # bylines and credits name the writers
        pytest.param(
            "By Carla Menon\n\nKestrel Gold said its mill is back.\n\n(Reporting by Carla Menon; Editing by Joel Park)",
            [("Carla Menon", "reporter", None, None, None, False), ("Joel Park", "editor", None, None, None, False)],
            id="byline-and-credits"),
        pytest.param(
            "By: Carla Menon\nOre Weekly Senior Writer\n\nKestrel Gold said its mill is back.",
            [("Carla Menon", "Senior Writer", None, None, None, False)],
            id="byline-title-below"),
        pytest.param(
            # the competent person of a JORC statement is a person of the release (the blind batches' gold names them),
            # with that role, though "compiled by" is no writer's credit
            "The estimate is based on information compiled by Mr Karl Weiss, a Competent Person.",
            [("Karl Weiss", "Competent Person", None, None, None, False)], id="compiled-by-names-the-competent-person"),
        pytest.param(
            "\"Moose Creek delivered another record quarter,\" said Thomas Brenner, President and Chief Executive "
            "Officer. \"We remain on track.\"",
            [("Thomas Brenner", "President and Chief Executive Officer", ISSUER, None, None, True)],
            id="said-name-role"),
        pytest.param(
            "Chief Operating Officer Li Wei commented, \"The new pebble crusher has lifted throughput as planned.\"",
            [("Li Wei", "Chief Operating Officer", ISSUER, None, None, True)],
            id="role-before-name"),
        pytest.param(
            "Ines Carvalho, the Company's Vice President Exploration, noted that the new zone remains open at depth.",
            [("Ines Carvalho", "Vice President Exploration", ISSUER, None, None, True)],
            id="name-the-companys-role-noted"),
        pytest.param(
            "The new zone remains open at depth, according to Hannah Moreau, Chief Geologist.",
            [("Hannah Moreau", "Chief Geologist", ISSUER, None, None, True)],
            id="according-to-lower-case"),
        pytest.param(
            "According to Hannah Moreau, Chief Geologist, the new zone remains open at depth.",
            [("Hannah Moreau", "Chief Geologist", ISSUER, None, None, True)],
            id="according-to-sentence-start"),
        pytest.param(
            "\"The partnership brings real value,\" said Robert Lang, Chief Executive Officer of Lynx Resources Inc.",
            [("Robert Lang", "Chief Executive Officer", "Lynx Resources Inc.", None, None, True)],
            id="speaker-of-another-company"),
        # one person, quoted with a nickname and listed as a contact: a single merged record
        pytest.param(
            "Tom Brenner, President and CEO, stated, \"Our team delivered.\"\n\nFor further information contact:\n"
            "Thomas J. Brenner – President & CEO\nTel: (604) 555-0100 E-mail: tbrenner@kestrelgold.com",
            [("Thomas J. Brenner", "President & CEO", ISSUER, "(604) 555-0100", "tbrenner@kestrelgold.com", True)],
            id="quote-and-contact-merge"),
        # nobody to extract
        pytest.param(
            "For further information contact:\nInvestor Relations, Kestrel Gold Mines Inc.\nTel: (604) 555-0100\n"
            "Email: info@kestrelgold.com",
            [], id="department-contact"),
        pytest.param(
            "\"We are very pleased with the quarter,\" the Company said in a statement.",
            [], id="company-speaks"),
        pytest.param(
            "This announcement was approved for release by Helen Marsh, Company Secretary.",
            [("Helen Marsh", "Company Secretary", None, None, None, False)], id="approved-for-release-by"),
        pytest.param(
            "By Jessica Lindqvist | Tuesday, 21 October 2025 | 4 minute read\n\nThe mine had a weak quarter.",
            [("Jessica Lindqvist", "reporter", None, None, None, False)], id="byline-with-bars"),
        pytest.param(
            "KESTREL GOLD MINES INC.\nBy: /s/ Karen L. Voss\nName: Karen L. Voss\nTitle: Senior Vice President and "
            "Chief Financial Officer\nDate: July 30, 2011",
            [("Karen L. Voss", "Senior Vice President and Chief Financial Officer", None, None, None, False)],
            id="filing-signature-block"),
    ],
)
def test_people(body: str, expected: list[tuple]) -> None:
    assert sorted(people(body)) == sorted(expected)


def test_an_address_line_is_no_person() -> None:
    assert people("For further information contact:\nSuite 1200, 555 Burrard Street\nVancouver, British Columbia\n"
                  "Toll Free: 1-800-555-0100") == []


def test_a_minister_who_told_reporters_is_a_person() -> None:
    found = people("Mines Minister Chileshe Mwape told reporters that national output fell 4.3%.")
    assert [(name, role) for name, role, *_rest in found] == [("Chileshe Mwape", "Minister")]


def test_a_present_tense_speech_verb_and_an_agency_byline() -> None:
    """'"...," explains chief financial officer NAME': a speaker; "By The Canadian Press": an agency, not a person."""
    text = ("Quokka Iron lifts shipments\n\nPERTH, January 30, 2020 - Quokka Iron Ltd shipped 36.2 million tonnes of iron "
            "ore in the December quarter.\n\n\"We are on track,\" explains Quokka Iron chief financial officer Tom Reyes.\n\n"
            "By The Canadian Press\n")
    assert [(p.name, p.role) for p in extract_people(read_release(text))] == [("Tom Reyes", "chief financial officer")]


def test_a_role_in_apposition_whatever_the_verb_a_name_suffix_and_a_role_before_a_name_with_a_colon() -> None:
    """'NAME, a non-executive director of the Company, has retired', 'NAME, Harlow's chairman, thanked': people who
    do not speak; 'NAME, Jr., President and CEO': the suffix is no last name; 'Harlow Gold CEO, NAME commented:'."""
    text = ("Harlow Gold Announces Board Change\n\nTORONTO, June 2, 2021 -- Harlow Gold Corp. (TSX: HGC) announces that "
            "Peter Danvers, a non-executive director of the Company, has retired from the board. Maria Quill, Harlow's "
            "chairman, thanked him for his service.\n\n\"We had a steady quarter,\" said Thomas R. Ellery, Jr., President "
            "and CEO.\n\nHarlow Gold CEO, Anna Petrov commented: \"We are pleased.\"\n")
    assert sorted((p.name, p.role, p.organization, p.quoted) for p in extract_people(read_release(text))) == [
        ("Anna Petrov", "CEO", "Harlow Gold Corp.", True), ("Maria Quill", "chairman", "Harlow Gold Corp.", False),
        ("Peter Danvers", "non-executive director", "Harlow Gold Corp.", False),
        ("Thomas R. Ellery", "President and CEO", "Harlow Gold Corp.", True)]


def test_a_board_listed_under_its_roles_a_competent_person_and_people_of_an_article() -> None:
    """"the executive Directors are Mr. NAME, Mr. NAME and ..." (an exchange's board line), the competent person of a
    JORC statement, a union president and a mayor who speak, and a photographer's credit."""
    body = ('"Nobody wanted this," said Local 14 president Wes Makin. Mayor Gerald Fontanne said the town was bracing. '
            "(Courier photo by Jenna Osterberg)\n\nCompetent Person's Statement\nThe information in this report is based on "
            "information compiled by Mr Graham Teale, a Member of the AusIMM.\n\nAs at the date of this announcement, the "
            "executive Directors are Mr. Yuan Hongli and Mr. Qiao Weiming, and the independent non-executive Directors are "
            "Ms. Cheung Wai Lan and Mr. Lam Kin Sang.\n")
    got = {name: role for name, role, *_rest in people(body)}
    assert got["Wes Makin"] == "president" and got["Gerald Fontanne"] == "Mayor"
    assert got["Jenna Osterberg"] == "photographer" and got["Graham Teale"] == "Competent Person"
    assert got["Yuan Hongli"] == got["Qiao Weiming"] == "executive Director"
    assert got["Cheung Wai Lan"] == got["Lam Kin Sang"] == "independent non-executive Director"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("For further information please contact:\n\n| Kestrel Gold Mines Inc. | | |\n"
                     "| Aigul Serikova | Head of Investor Relations, London | +44 20 7946 0731 |\n",
                     [("Aigul Serikova", "Head of Investor Relations", ISSUER, "+44 20 7946 0731", None, False)],
                     id="contact-table-rows"),
        pytest.param("The Board has appointed Dr. Keira Vantoll as President and Chief Executive Officer and a director, "
                     "effective August 1, 2016. The Company also announces the appointment of Mateo Ruiz as Vice "
                     "President Operations, effective immediately.",
                     [("Keira Vantoll", "President and Chief Executive Officer", ISSUER, None, None, False),
                      ("Mateo Ruiz", "Vice President Operations", ISSUER, None, None, False)],
                     id="appointed-as"),
        pytest.param("Patrick Odum has joined the Company as Vice President Operations, effective January 7, 2008.",
                     [("Patrick Odum", "Vice President Operations", ISSUER, None, None, False)], id="joined-as"),
        pytest.param("Date: 26 October 2022\nAuthorised by: Lorna Whitby, Company Secretary\n",
                     [("Lorna Whitby", "Company Secretary", None, None, None, False)], id="authorised-by-colon"),
        pytest.param("Rosa Elvira Cárdenas, P.Geo., Vice President, Geology and Resources, is a Qualified Person as "
                     "defined by National Instrument 43-101 and has approved this release.",
                     [("Rosa Elvira Cárdenas", "Vice President, Geology and Resources", None, None, None, False)],
                     id="qualified-person-named-first"),
        pytest.param("As at the date of this announcement, the Board comprises Mr. Zhou Han (Chairman) and Ms. Tao Yu as "
                     "executive Directors; and Mr. Ho Ka Wai as independent non-executive Director.",
                     [("Zhou Han", "executive Director", ISSUER, None, None, False),
                      ("Tao Yu", "executive Director", ISSUER, None, None, False),
                      ("Ho Ka Wai", "independent non-executive Director", ISSUER, None, None, False)],
                     id="board-listed-before-its-roles"),
        pytest.param("The CEO of VDM-JV, Sipho Khumalo, said yesterday that water entered the mine.",
                     [("Sipho Khumalo", "CEO", "VDM-JV", None, None, True)], id="role-of-org-before-name"),
        pytest.param("Output rose by 5% in the quarter, according to Boucan chief executive officer Jean Moreau.",
                     [("Jean Moreau", "chief executive officer", "Boucan", None, None, True)], id="according-to-org-role"),
        pytest.param("\tKESTREL GOLD MINES INC.\nDate: October 29, 2008\tBy: /s/ Denise Okoro\n"
                     "\tName: Denise Okoro Title: Vice President and Chief Financial Officer\n",
                     [("Denise Okoro", "Vice President and Chief Financial Officer", None, None, None, False)],
                     id="signature-name-and-title-on-one-line"),
    ],
)
def test_contact_tables_changes_of_management_and_people_named_before_their_qualification(body: str,
                                                                                         expected: list[tuple]) -> None:
    assert people(body) == expected
