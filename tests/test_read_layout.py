"""kg.read.layout: tables found in text, whatever layout a source left them in, as grids of cells with offsets."""

from __future__ import annotations

import pytest

from kg.read.layout import cell_per_line_tables, find_tables, line_grid_tables, ruled_line_tables
from kg.read.sources import html_to_text


def grid(text: str) -> list[list[str]]:
    (table,) = find_tables(text)
    for row in table.rows:
        for cell in row.cells:
            assert text[cell.start:cell.end].strip() == cell.text.strip()
    return [row.texts for row in table.rows]


def test_tab_rows_with_a_section_label() -> None:
    text = "Intro line.\n\n\tQ2 2011\tQ1 2011\nNorth pit\nOre milled (t)\t412,300\t398,100\nGold (oz)\t38,450\t35,900\n\nAfter."
    assert grid(text) == [["", "Q2 2011", "Q1 2011"], ["North pit"], ["Ore milled (t)", "412,300", "398,100"],
                          ["Gold (oz)", "38,450", "35,900"]]
    assert [t.layout for t in line_grid_tables(text)] == ["line-grid"]


def test_cell_per_line_with_caption_unit_cells_and_sections() -> None:
    text = "\n".join([
        "Operations summary", "Lone Spruce, Chile", "3Q 2020", "2Q 2020", "3Q 2019",
        "Tonnes milled", "t", "101,200", "99,800", "97,100",
        "Production (ounces)", "Silver (000's)", "1,201", "1,150", "1,007",
        "Gold", "12,400", "11,950", "-",
        "The mill ran well in the quarter, as planned.",
    ])
    (table,) = cell_per_line_tables(text)
    assert [row.texts for row in table.rows] == [
        ["Operations summary Lone Spruce, Chile"], ["", "3Q 2020", "2Q 2020", "3Q 2019"],
        ["Tonnes milled (t)", "101,200", "99,800", "97,100"], ["Production (ounces)"],
        ["Silver (000's)", "1,201", "1,150", "1,007"], ["Gold", "12,400", "11,950", "-"]]
    assert "The mill" not in text[table.start:table.end]


def test_one_line_with_dashed_rules() -> None:
    text = ("Operating Summary Quarter to 31 Dec 2016 Quarter to 30 Sep 2016 ---------- Ore mined (t) 412,880 396,215 "
            "---------- Zinc mine total ---------- Head grade - Zinc 7.82% 7.64% ----------")
    (table,) = ruled_line_tables(text)
    assert [row.texts for row in table.rows] == [
        ["Operating Summary Quarter to 31 Dec 2016 Quarter to 30 Sep 2016"], ["Ore mined (t)", "412,880", "396,215"],
        ["Zinc mine total"], ["Head grade - Zinc", "7.82%", "7.64%"]]


def test_cell_per_line_with_trailing_pipes_and_a_section_under_the_headings() -> None:
    """Cells as a web table's copy leaves them ("12,073 |", a lone "|"), and a section label between the column
    headings and the first row, which is no heading."""
    piped = "\n".join(["Total Production", "Q4 24 |", "Q3 24 |", "% change |", "|", "Silver (koz) |", "1,207 |", "1,278 |",
                       "(5.6) |", "Gold (oz) |", "16,796 |", "15,920 |", "5.5 |", "Lead (t) |", "1,275 |", "1,341 |", "(4.9) |"])
    (table,) = cell_per_line_tables(piped)
    assert [row.texts for row in table.rows][:3] == [
        ["Total Production"], ["", "Q4 24", "Q3 24", "% change"], ["Silver (koz)", "1,207", "1,278", "(5.6)"]]
    sectioned = "\n".join(["Rio Chico, Peru", "2Q 2019", "1Q 2019", "4Q 2018", "Underground Operations", "Tons mined", "35,579",
                           "29,370", "25,368", "Silver grade (oz/t)", "4.84", "5.00", "3.96", "Surface Operations", "Tons mined",
                           "-", "1,695", "3,521"])
    (table,) = cell_per_line_tables(sectioned)
    assert [row.texts for row in table.rows][1:4] == [
        ["", "2Q 2019", "1Q 2019", "4Q 2018"], ["Underground Operations"], ["Tons mined", "35,579", "29,370", "25,368"]]


def test_a_year_alone_under_the_last_heading_joins_it() -> None:
    text = ("                                 Q4 2024   Q3 2024   12 mths\n"
            "                                                      2024\n"
            "Silver production (koz)            2,639     2,627    10,444\n"
            "Gold production (koz)              58.34     58.57    233.46\n")
    (table,) = line_grid_tables(text)
    assert table.rows[0].texts == ["", "Q4 2024", "Q3 2024", "12 mths 2024"]


def test_where_cells_end_with_a_pipe_a_line_without_one_runs_on() -> None:
    text = "\n".join(["PARAMETER |", "UNIT |", "SEPTEMBER 2024", "QUARTER |", "DECEMBER 2024", "QUARTER |", "Ore mined |",
                      "Tonnes |", "1,412,300 |", "1,288,600 |", "Milled head grade |", "g/t gold |", "1.42 |", "1.51 |"])
    (table,) = cell_per_line_tables(text)
    assert [row.texts for row in table.rows][1:] == [
        ["", "SEPTEMBER 2024 QUARTER", "DECEMBER 2024 QUARTER"], ["Ore mined (Tonnes)", "1,412,300", "1,288,600"],
        ["Milled head grade (g/t gold)", "1.42", "1.51"]]


def test_a_caption_over_the_first_year_heading_is_no_part_of_it() -> None:
    text = "\n".join(["RIO CHICO", "2014", "2015", "2016", "Ore milled (t)", "62,100", "67,300", "65,900", "Silver grade (g/t)",
                      "351", "343", "356"])
    (table,) = cell_per_line_tables(text)
    assert [row.texts for row in table.rows][:2] == [["RIO CHICO"], ["", "2014", "2015", "2016"]]


def test_a_wrapped_label_and_a_blank_line_before_the_next_section_keep_one_table() -> None:
    text = ("                 Unit     Q1 2013    Q1 2012\n"
            "Refined platinum  000oz       162         78\noutput\n\nSeloane\n"
            "Ore milled        000         338        322\n")
    (table,) = line_grid_tables(text)
    assert [row.texts[0] for row in table.rows] == ["", "Refined platinum", "output", "Seloane", "Ore milled"]


def test_ragged_spacing_keeps_a_full_row_in_order() -> None:
    """A web copy's columns are not aligned by position; a row with a cell for every column is read in order."""
    text = ("Mining  Q2'18   Q1'18   Q4'17\nOre mined (t)   1,473    1,135    973\nGold sold (oz)   9,892    6,529    9,971\n")
    (table,) = line_grid_tables(text)
    assert [row.texts for row in table.rows] == [["Mining", "Q2'18", "Q1'18", "Q4'17"], ["Ore mined (t)", "1,473", "1,135", "973"],
                                                 ["Gold sold (oz)", "9,892", "6,529", "9,971"]]


def test_dashed_rules_with_nested_rows_as_a_pdf_flattens_them() -> None:
    """Bulleted sub-rows with their group label after them, and sub-row labels before all their values."""
    text = ("Summary Q4 2016 Q3 2016 ---------- Ore mined (t) 412,880 396,215 ---------- - Zinc concentrate 61,402 58,870 "
            "- Lead concentrate 14,855 14,120 Concentrate produced (dmt) ---------- Sales (wmt) - Zinc concentrate - Lead "
            "concentrate 63,118 55,402 15,204 13,388 ----------")
    (table,) = ruled_line_tables(text)
    assert [row.texts for row in table.rows] == [
        ["Summary Q4 2016 Q3 2016"], ["Ore mined (t)", "412,880", "396,215"], ["Concentrate produced (dmt)"],
        ["Zinc concentrate", "61,402", "58,870"], ["Lead concentrate", "14,855", "14,120"], ["Sales (wmt)"],
        ["Zinc concentrate", "63,118", "55,402"], ["Lead concentrate", "15,204", "13,388"]]
    assert all(text[c.start:c.end] == c.text for row in table.rows for c in row.cells)


@pytest.mark.parametrize("text", [
    "The mill processed 412,300 tonnes in the quarter.\nRecovery was 91%.\n",
    "Contacts\nJane Doe\nInvestor Relations\n+1 416 555 0100\n",
])
def test_prose_and_contact_blocks_are_not_tables(text: str) -> None:
    assert find_tables(text) == []


def test_html_cells_keep_their_columns() -> None:
    """A spanning header cell leaves empty cells for the columns it covers; paragraphs inside a cell stay in it."""
    html = ("<table><tr><td></td><td colspan='2'>3 months ended</td><td colspan='2'>9 months ended</td></tr>"
            "<tr><td><p>Gold sold</p><p>(oz)</p></td><td>1</td><td>2</td><td>3</td><td>4</td></tr></table>")
    text, _origin = html_to_text(html)
    assert text.strip("\n").split("\n") == ["\t3 months ended\t\t9 months ended\t", "Gold sold (oz)\t1\t2\t3\t4"]


def test_html_cells_under_a_cell_spanning_rows_keep_their_columns() -> None:
    """Header cells with rowspan leave their columns empty in the rows below them, so "30 Sep 2009" stands
    under "Quarter ended", not under the unit column."""
    html = ("<table><tr><th rowspan='2'></th><th rowspan='2'>Unit</th><th colspan='2'>Quarter ended</th>"
            "<th>Year ended</th></tr><tr><th>30 Sep 2009</th><th>30 Jun 2009</th><th>30 Jun 2009</th></tr>"
            "<tr><td>Ore milled</td><td>t</td><td>101,230</td><td>94,880</td><td>398,760</td></tr></table>")
    text, _origin = html_to_text(html)
    assert text.strip("\n").split("\n") == ["\tUnit\tQuarter ended\t\tYear ended",
                                             "\t\t30 Sep 2009\t30 Jun 2009\t30 Jun 2009",
                                             "Ore milled\tt\t101,230\t94,880\t398,760"]


def test_a_table_that_lays_out_the_page_is_no_grid() -> None:
    """A page laid out in a table (a wrapper cell holding headings, paragraphs and a table of figures): its cells
    are blocks of text, and the table inside is a grid of its own."""
    html = ("<table id='wrapper'><tr><td><h1>Quarterly Report</h1><p>Kestrel Gold Mines Inc. reports.</p>"
            "<p>Table 1: production</p><table><tr><td>Ore milled</td><td>101,230</td></tr></table></td>"
            "<td>Links</td></tr></table>")
    text, _origin = html_to_text(html)
    lines = [line for line in text.split("\n") if line]
    assert lines == ["Quarterly Report", "Kestrel Gold Mines Inc. reports.", "Table 1: production", "Ore milled\t101,230",
                     "Links"]


def test_text_a_page_lays_out_as_written_keeps_its_lines() -> None:
    """A forum post whose style sheet keeps white space (``.post-body{white-space:pre-wrap}``), and a ``<pre>``: their
    line breaks and runs of spaces stay, so a pasted table keeps one cell per line and aligned columns stay aligned."""
    html = ("<html><head><style>.post-body{white-space:pre-wrap}</style></head><body>"
            "<div class='post-body'>Highlights\nQ4 2011\nQ4 2010\nOre milled (t)\n412,300\n398,200</div>"
            "<pre>Gold (oz)     41,200     39,800\n</pre></body></html>")
    text, origin = html_to_text(html)
    assert "Highlights\nQ4 2011\nQ4 2010\nOre milled (t)\n412,300\n398,200" in text
    assert "Gold (oz)     41,200     39,800" in text
    at = text.index("412,300")
    assert html[origin[at]:origin[at] + 7] == "412,300"


def test_a_label_run_into_its_first_figure_is_two_cells() -> None:
    """"Total copper (t)24,410" in a table flattened one cell per line: the label, then the figure."""
    text = "\n".join(["Operating highlights", "Q4 2011", "Q4 2010", "Ore milled (t)", "412,300", "398,200",
                     "Total copper (t)24,410", "20,980", "Copper sold (t)", "23,870", "21,440", ""])
    [table] = cell_per_line_tables(text)
    assert ["Total copper (t)", "24,410", "20,980"] in [row.texts for row in table.rows]


def test_a_heading_line_with_an_abbreviated_month_heads_its_columns() -> None:
    """"Sept. 30" under "Three months ended": the abbreviation's dot ends no sentence."""
    text = ("                     Three months ended      Nine months ended\n"
            "                          Sept. 30                Sept. 30\n"
            "                      2011         2010        2011         2010\n\n"
            "Pounds captured     214,300      162,850     601,940      418,270\n"
            "Pounds sold         200,000      125,000     550,000      350,000\n")
    [table] = find_tables(text)
    assert any("Sept. 30" in " ".join(row.texts) for row in table.rows)


def test_cell_per_line_with_spanning_headings_and_currency_lines() -> None:
    """An 8-K table flattened one cell per line: two period groups over repeating headings, "$" on its own line."""
    text = "\n".join([
        "Operating Summary",
        "Three Months Ended June 30,", "Six Months Ended June 30,",
        "2022", "2021", "Change", "2022", "2021", "Change",
        "Tons shipped (000)", "410", "388", "6%", "802", "771", "4%",
        "Cost per ton shipped", "$", "61", "$", "58", "5%", "$", "60", "$", "57", "5%",
    ])
    [table] = cell_per_line_tables(text)
    rows = [row.texts for row in table.rows]
    assert rows[0] == ["Operating Summary"]
    assert rows[1] == ["", "Three Months Ended June 30,", "Six Months Ended June 30,"]
    assert rows[2] == ["", "2022", "2021", "Change", "2022", "2021", "Change"]
    assert rows[4] == ["Cost per ton shipped", "$ 61", "$ 58", "5%", "$ 60", "$ 57", "5%"]
    cost = table.rows[4]
    assert text[cost.cells[1].start:cost.cells[1].end] == "$\n61"  # the cell keeps the offsets of both lines


def test_cell_per_line_unit_cells_in_parentheses() -> None:
    """A unit cell written "('000 lbs)" under its label is the label's unit, not a row of its own."""
    text = "\n".join(["Operations", "Units", "2019 Q1", "2019 Q2", "2019 YTD",
                      "U3O8 Captured", "('000 lbs)", "91.2", "97.5", "188.7",
                      "U3O8 Sold", "('000 lbs)", "80.0", "110.0", "190.0"])
    [table] = cell_per_line_tables(text)
    assert [row.texts for row in table.rows][-2:] == [["U3O8 Captured ('000 lbs)", "91.2", "97.5", "188.7"],
                                                      ["U3O8 Sold ('000 lbs)", "80.0", "110.0", "190.0"]]


def test_labels_between_mirrored_figures_make_two_tables_labels_first() -> None:
    """US$ columns left of the labels, rand columns right of them: each half read outward from the label."""
    text = "\n".join([
        "| Q2 FY2025 | Q3 FY2025 | % Change | Unit | Summary | Unit | % Change | Q3 FY2025 | Q2 FY2025 |",
        "|---|---|---|---|---|---|---|---|---|",
        "| 612,405 | 574,118 | -6% | t | Plant feed | t | -6% | 574,118 | 612,405 |",
        "| 1,448 | 1,512 | 4% | $/oz | Basket price | R/oz | 5% | 27,685 | 26,310 |",
        "| 974 | 1,038 | 7% | $/oz | Cash cost | R/oz | 7% | 19,006 | 17,698 |",
    ])
    left, right = find_tables(text)
    assert [row.texts for row in left.rows if len(row.cells) > 1][1] == ["Plant feed", "t", "-6%", "574,118", "612,405"]
    assert [row.texts for row in right.rows if len(row.cells) > 1][2] == ["Basket price", "R/oz", "5%", "27,685", "26,310"]
    assert left.rows[0].texts == ["Summary", "Unit", "% Change", "Q3 FY2025", "Q2 FY2025"]


def test_a_table_with_labels_first_stays_one_table() -> None:
    text = "| | Q2 2011 | Q1 2011 | Change | Note |\n|---|---|---|---|---|\n| Ore milled (t) | 331,952 | 301,477 | 10% | a |\n"
    assert len(find_tables(text)) == 1


def test_cells_a_single_space_apart_under_a_heading_of_periods() -> None:
    """Text pulled from a web page or a PDF: one space between cells, a heading line of periods above."""
    text = ("March 2021 Quarter Highlights\n\nKey Indicator Unit Q4 2020 Q1 2021 Variance\n"
            "Ore Mined tonnes 1,200,000 1,300,000 8%\nProduction (tonnes)\nRutile 9,000 9,500\n\nThe plant ran well.")
    (table,) = find_tables(text)
    assert table.layout == "spaced"
    assert [row.texts for row in table.rows] == [
        ["Key Indicator Unit", "Q4 2020", "Q1 2021", "Variance"], ["Ore Mined tonnes", "1,200,000", "1,300,000", "8%"],
        ["Production (tonnes)"], ["Rutile", "9,000", "9,500"]]
    for row in table.rows:
        for cell in row.cells:
            assert text[cell.start:cell.end].strip() == cell.text


@pytest.mark.parametrize("text", [
    "Output in Q4 2020 and Q1 2021 rose.\nThe mill processed 1,200,000 tonnes in 2020 and 1,300,000 in 2021.\n"
    "Gold sold was 9,000 ounces 9,500 last year.\n",
    "Q4 2020 Q1 2021\nA single row 1,200 1,300\n",  # one row of figures is no table
])
def test_sentences_under_periods_are_no_spaced_table(text: str) -> None:
    assert not [t for t in find_tables(text) if t.layout == "spaced"]


def test_empty_pipe_cells_between_a_section_and_its_rows_keep_one_table() -> None:
    """An aggregator's copy: each cell on its own line ending in " |", a section label with empty "|" cells."""
    lines = ["|", "Q3 2019 |", "Q2 2019 |", "Fresh tailings |", "|", "|", "|", "|", "Tonnes processed |", "3,671,020 |",
             "3,631,650 |", "Copper grade |", "0.131% |", "0.128% |"]
    (table,) = find_tables("\n".join(lines) + "\n")
    assert ["Tonnes processed", "3,671,020", "3,631,650"] in [row.texts for row in table.rows]


def test_cells_run_together_split_where_each_figures_thousands_groups_end() -> None:
    """"Silver production (koz)3,0863,2053,632" under "Q3 2021Q2 2021Q3 2020": a web table copied without its
    separators; every cell keeps its offsets in the text."""
    text = ("Highlights\n Q3 2021Q2 2021Q3 2020\nSilver production (koz)3,0863,2053,632\n"
            "Ore treated (t)412,300405,110398,760\n")
    assert grid(text) == [["", "Q3 2021", "Q2 2021", "Q3 2020"], ["Silver production (koz)", "3,086", "3,205", "3,632"],
                          ["Ore treated (t)", "412,300", "405,110", "398,760"]]


def test_a_heading_centred_over_two_columns_heads_both_and_a_wrapped_label_joins_its_figures() -> None:
    """Text laid out from a PDF: "Three months ended" and "June 30" centred over two columns each; a label alone on
    its line with its figures on the next; a label over two lines."""
    text = ("Operating results\n\n"
            "                                  Three months ended     Six months ended\n"
            "                                       June 30               June 30\n"
            "                                     2011       2010       2011       2010\n"
            "Tons milled (thousands)             3,412      3,198      6,702      6,388\n"
            "Copper production (millions of pounds)\n"
            "                                     18.1       16.0       34.6       32.3\n"
            "Site cash cost per pound of copper produced,\n"
            "net of by-product credits (US$)\n"
            "                                     1.02       0.88       0.99       0.91\n")
    (table,) = find_tables(text)
    rows = [row.texts for row in table.rows]
    assert rows[:3] == [["", "Three months ended", "Three months ended", "Six months ended", "Six months ended"],
                        ["", "June 30", "June 30", "June 30", "June 30"], ["", "2011", "2010", "2011", "2010"]]
    assert rows[4] == ["Copper production (millions of pounds)", "18.1", "16.0", "34.6", "32.3"]
    assert rows[5][0] == "Site cash cost per pound of copper produced,\nnet of by-product credits (US$)"
    assert all(text[c.start:c.end] == c.text for row in table.rows for c in row.cells if c.text)


def test_a_unit_and_decimals_run_into_a_label_split_where_every_figure_has_as_many_decimals() -> None:
    """A forum copy: "Coal soldMt1.621.393.012.26" under "Volumes(1)UnitQ2 2010Q1 2010H1 2010H1 2009"."""
    text = ("Operator volumes\nVolumes(1)UnitQ2 2010Q1 2010H1 2010H1 2009\nRidge coal soldMt1.621.393.012.26\n"
            "Ridge concentrate and pellets soldMt2.712.415.123.98\nRidge gold producedoz24,61023,69048,30044,950\n")
    assert grid(text) == [["Volumes(1)", "Unit", "Q2 2010", "Q1 2010", "H1 2010", "H1 2009"],
                          ["Ridge coal sold", "Mt", "1.62", "1.39", "3.01", "2.26"],
                          ["Ridge concentrate and pellets sold", "Mt", "2.71", "2.41", "5.12", "3.98"],
                          ["Ridge gold produced", "oz", "24,610", "23,690", "48,300", "44,950"]]


def test_a_heading_of_periods_stacked_over_short_lines_above_rows_a_single_space_apart() -> None:
    """A PDF's text: the header's cells wrapped one fragment a line ("INDICATOR UNIT SEPTEMBER" / "2011 QUARTER" / ...),
    then rows a single space apart, a footnote's digit run into a figure ("1,7301" is 1,730)."""
    text = ("PERFORMANCE INDICATOR UNIT MARCH\n2011 QUARTER\nJUNE\n2011 QUARTER\nHALF\n2011 YEAR1\n"
            "Gold recovered Ounces 41,210 44,870 86,080\nAverage sales price US$/ounce 1,7301 1,765 1,748\n")
    [table] = find_tables(text)
    rows = [row.texts for row in table.rows]
    assert [" ".join(c.split()) for c in rows[0][1:4]] == ["MARCH 2011 QUARTER", "JUNE 2011 QUARTER", "HALF 2011 YEAR1"]
    assert rows[1:] == [["Gold recovered Ounces", "41,210", "44,870", "86,080"],
                        ["Average sales price US$/ounce", "1,730", "1,765", "1,748"]]


def test_cells_glued_together_under_a_stacked_heading_with_its_unit_column_run_into_the_corner() -> None:
    """A web page's text with the cell boundaries lost: "Gold recoveredOunces44,87039,450" under "PERFORMANCE
    INDICATORUNITDECEMBER 2010" / "QUARTER" / "MARCH 2011" / "QUARTER"."""
    text = ("PERFORMANCE INDICATORUNITDECEMBER 2010\nQUARTER\nMARCH 2011\nQUARTER\nGold recoveredOunces44,87039,450 \n"
            "All-In Site Cost (AISC)US$/ounce1,0651,240 \nGold salesOunces45,10038,900 \n")
    [table] = find_tables(text)
    rows = [row.texts for row in table.rows]
    assert rows[0][:2] == ["PERFORMANCE INDICATOR", "UNIT"]
    assert rows[1:] == [["Gold recovered", "Ounces", "44,870", "39,450"], ["All-In Site Cost (AISC)", "US$/ounce", "1,065", "1,240"],
                        ["Gold sales", "Ounces", "45,100", "38,900"]]


def test_a_heading_of_spans_over_a_line_of_their_ends_and_thousands_grouped_by_a_space() -> None:
    """"Quarter ended Quarter ended Nine months Nine months" over "31 March 2019 31 March 2018 ...": one heading cell
    per column, span and day together; "1 312 1 275 3 944 3 801" under four columns is four figures."""
    text = ("Operational information Quarter ended Quarter ended Nine months Nine months\n"
            "31 March 2019 31 March 2018 31 March 2019 31 March 2018\n"
            "Refined platinum (koz) 212 198 640 601\nTonnes milled (kt) 1 312 1 275 3 944 3 801\n")
    (table,) = find_tables(text)
    assert [row.texts for row in table.rows] == [
        ["Operational information", "Quarter ended 31 March 2019", "Quarter ended 31 March 2018",
         "Nine months 31 March 2019", "Nine months 31 March 2018"],
        ["Refined platinum (koz)", "212", "198", "640", "601"],
        ["Tonnes milled (kt)", "1 312", "1 275", "3 944", "3 801"]]


def test_a_heading_broken_over_many_lines_with_a_change_column_between_two_periods() -> None:
    """A web table's heading cells broken line by line ("Unaudited quarter" / "ended" / "30 June 2019" ...), its last
    column "June 2019 vs. June 2018" a change: one heading cell a column, over rows a single space apart."""
    text = ("  Unit Unaudited quarter\nended\n30 June 2019\nUnaudited quarter\nended\n30 June 2018\nJune 2019\nvs.\n"
            "June 2018\nProduction        \nTotal tonnes milled kt 612 588 4%\nPlatinum koz 45.2 44.1 2%\n")
    (table,) = find_tables(text)
    heading = [" ".join(cell.split()) for cell in table.rows[0].texts]
    assert heading[1:4] == ["Unaudited quarter ended 30 June 2019", "quarter ended 30 June 2018",
                            "June 2019 vs. June 2018"]
    assert table.rows[1].texts == ["Total tonnes milled kt", "612", "588", "4%"]


def test_cells_one_a_line_with_lines_of_a_space_between_them_and_a_share_held_over_the_rows() -> None:
    """An 8-K table copied one cell a line, each cell followed by a line holding a space (an empty cell), headings on
    two lines ("3rd Quarter" / "2019") and a section row "Tolosa — 100%" (a share held, no period) before the rows."""
    blank = "\n\n \n\n"
    cells = ["Operating results", "3rd Quarter\n2019", "2nd Quarter\n2019", "Tolosa — 100%*" + blank * 6,
             "Ore production (tonnes)", "142,310", "138,905", "Gold produced (ounces)", "24,871", "23,044"]
    (table,) = cell_per_line_tables(blank.join(cells) + "\n")
    texts = [row.texts for row in table.rows]
    assert [" ".join(c.split()) for c in texts[-4]][1:] == ["3rd Quarter 2019", "2nd Quarter 2019"]
    assert texts[-3:] == [["Tolosa — 100%*"], ["Ore production (tonnes)", "142,310", "138,905"],
                          ["Gold produced (ounces)", "24,871", "23,044"]]


def test_spans_on_one_line_over_their_years_on_the_next_and_the_months_under_them() -> None:
    """"Q2 Q1 Q2 H1" over "Unit FY2017 FY2017 FY2016 FY2017" over "(Oct-Dec 16) ...": one heading a column, span and
    year together; a label ending in "US$'000" is a row's label."""
    text = ("                Q2        Q1        Q2        H1\n                Unit FY2017 FY2017 FY2016 FY2017\n"
            "     (Oct-Dec 16) (Jul-Sep 16) (Oct-Dec 15) (Jul-Dec 16)\nMining\n"
            "Ore mined t 1,246,310 1,198,720 1,105,480 2,445,030\nDiamond sales revenue US$'000 29,814 22,406 27,096 52,220\n"
            "Carats recovered ct 74,228 69,701 69,113 143,929\n")
    (table,) = find_tables(text)
    assert table.rows[0].texts == ["Unit", "Q2 FY2017", "Q1 FY2017", "Q2 FY2016", "H1 FY2017"]
    assert [row.texts[0] for row in table.rows[1:]] == ["Mining", "Ore mined t", "Diamond sales revenue US$'000",
                                                         "Carats recovered ct"]


def test_spans_over_groups_of_years_a_note_in_a_section_row_and_a_label_with_of() -> None:
    """An MD&A's "Three months ended  Nine months ended" over "September 30  September 30" over "2018 2017 2018 2017":
    each span over two years; "Unit costs (US$/lb copper produced)(1)" is a section row, its note no figure; "C1 cash
    cost, net of by-product credits" is a label, though it says "of"."""
    text = ("                 Three months ended          Nine months ended\n"
            "                    September 30               September 30\n"
            "                 2018 2017 2018 2017\nMining\nOre mined (tonnes) 3,612,480 3,288,905 10,497,210 9,871,644\n"
            "Unit costs (US$/lb copper produced)(1)\nC1 cash cost, net of by-product credits 1.92 2.02 1.88 1.97\n")
    (table,) = find_tables(text)
    assert table.rows[0].texts[1:] == ["Three months ended September 30 2018", "Three months ended September 30 2017",
                                       "Nine months ended September 30 2018", "Nine months ended September 30 2017"]
    assert [row.texts[0] for row in table.rows[1:]] == ["Mining", "Ore mined (tonnes)",
                                                         "Unit costs (US$/lb copper produced)(1)",
                                                         "C1 cash cost, net of by-product credits"]


def test_a_pages_footer_starts_no_stacked_heading() -> None:
    """"Kestrel Coal Limited – December 2018 Quarterly Report Page 1 of 8" above a table on the next page is the
    page's footer: it heads no column, though it names a month and a year."""
    text = ("Kestrel Coal Limited – December 2018 Quarterly Report Page 1 of 8\nFor personal use only\nOPERATIONS\n"
            "Moose Creek\nROM coal mined 2,184 2,071 1,958 4,255\nCoal sales 1,298 1,316 1,174 2,614\n")
    assert all("Page" not in " ".join(row.texts) for table in find_tables(text) for row in table.rows)


def test_a_second_heading_line_that_finishes_each_column_of_the_first() -> None:
    """"'000 tonnes Dec-18 Sep-18 H1 Change" over "Qtr Qtr FY19 on Sep-18": each column's heading is read from both
    lines; a mine's section row "Moose Creek (KCL 100%)" holds a share, no figure."""
    text = ("'000 tonnes Dec-18 Sep-18 H1 Change\nQtr Qtr FY19 on Sep-18\nMoose Creek (KCL 100%)\n"
            "ROM coal mined 2,184 2,071 4,255 5%\nCoal sales 1,298 1,316 2,614 (1%)\n")
    (table,) = find_tables(text)
    assert table.rows[0].texts == ["'000 tonnes", "Dec-18 Qtr", "Sep-18 Qtr", "H1 FY19", "Change on Sep-18"]
    assert table.rows[1].texts == ["Moose Creek (KCL 100%)"]
