#!/usr/bin/env python3
"""Writes the import test corpus: invented HR exports in several councils' styles, caseload
reports, and bad files. Every name is invented. Run from this folder; needs openpyxl for the
workbook (pip install openpyxl). The files are committed: run again only to change them."""

import datetime
import random

import openpyxl
from openpyxl.styles import Font


def write(name, text, encoding="utf-8", bom=False):
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    with open(name, "wb") as f:
        f.write(data)


# Northshire: comma separated, UTF-8 with a byte-order mark, report title rows above the
# headings, a totals row below. 24 posts in 6 teams; 2 vacant, 3 absent; 22.5 FTE.
NORTHSHIRE = [
    ["N1001", "Priya Shah", "Head of Service", "Service Management", "1", "Permanent", "03/09/2018", "", "", ""],
    ["N1002", "Tom Hughes", "Team Manager", "MASH & Assessment", "1", "Permanent", "", "", "", ""],
    ["N1003", "Aisha Khan", "Senior Social Worker", "MASH & Assessment", "1", "Permanent", "", "", "", ""],
    ["N1004", "Ben Carter", "Social Worker", "MASH & Assessment", "1", "Permanent", "", "", "", ""],
    ["N1005", "Chloe Davies", "Social Worker", "MASH & Assessment", "0.6", "Permanent", "", "", "", ""],
    ["N1006", "Dan Osei", "Social Worker", "MASH & Assessment", "1", "Agency", "05/01/2026", "", "", ""],
    ["", "VACANT", "Social Worker", "MASH & Assessment", "1", "Permanent", "", "", "", ""],
    ["N1008", "Emma Walsh", "Team Manager", "Locality North", "1", "Permanent", "", "", "", ""],
    ["N1009", "Faisal Ahmed", "Advanced Practitioner", "Locality North", "1", "Permanent", "", "", "", ""],
    ["N1010", "Grace Lee", "Social Worker", "Locality North", "1", "Permanent", "", "", "Maternity Leave", "01/02/2027"],
    ["N1011", "Harry Evans", "ASYE Social Worker", "Locality North", "1", "Permanent", "01/09/2025", "", "", ""],
    ["N1012", "Isla Morgan", "Social Worker", "Locality North", "0.8", "Fixed Term", "01/04/2026", "31/03/2027", "", ""],
    ["N1013", "Jack Price", "Locum Social Worker", "Locality North", "1", "Locum", "", "", "", ""],
    ["", "Vacant", "Social Worker", "Locality North", "1", "Permanent", "", "", "", ""],
    ["N1015", "Kate Robinson", "Team Manager", "Locality South", "1", "Permanent", "", "", "", ""],
    ["N1016", "Liam Turner", "Senior Practitioner", "Locality South", "1", "Permanent", "", "", "", ""],
    ["N1017", "Maya Patel", "Social Worker", "Locality South", "1", "Permanent", "", "", "Long-term sick", ""],
    ["N1018", "Noah Green", "Social Worker", "Locality South", "0.5", "Temporary", "01/06/2026", "30/11/2026", "", ""],
    ["N1019", "Olivia Hall", "Social Worker", "Locality South", "1", "Interim", "", "", "", ""],
    ["N1020", "Paul Wright", "Team Manager", "Children in Care", "1", "Permanent", "", "", "", ""],
    ["N1021", "Rachel Moore", "Social Worker", "Children in Care", "1", "Permanent", "", "", "", ""],
    ["N1022", "Sam Clarke", "Social Worker", "Children in Care", "1", "Permanent", "", "", "Secondment", "01/10/2026"],
    ["N1023", "Tara Young", "Senior Social Worker", "Leaving Care", "1", "Permanent", "", "", "", ""],
    ["N1024", "Umar Ali", "Social Worker", "Leaving Care", "0.6", "Permanent", "", "", "", ""],
]


def csv_line(cells, sep=","):
    out = []
    for c in cells:
        if sep in c or '"' in c or "\n" in c:
            c = '"' + c.replace('"', '""') + '"'
        out.append(c)
    return sep.join(out)


def northshire():
    lines = [
        "Northshire County Council - Children's Social Care establishment,,,,,,,,,",
        "Report run: 02/11/2026,,,,,,,,,",
        ",,,,,,,,,",
        "Emp No,Employee Name,Job Title,Team,FTE,Contract Type,Start Date,End Date,Absence Type,Expected Return Date",
    ]
    lines += [csv_line(r) for r in NORTHSHIRE]
    lines.append("Total,,,,22.5,,,,,")
    write("northshire-establishment.csv", "\r\n".join(lines) + "\r\n", bom=True)


def northshire_caseloads():
    # Wide: one column per case type. Rachel Moore has no row; "Zara Quinn" is no worker of
    # the staff list. Case holders' cases: Aisha 2+6, Ben 4+10+1, Chloe 6+3, Dan 3+8+2,
    # Faisal 9+4+2, Harry 10+2, Isla 11+3+1, Jack 12+5, Liam 8+5+2, Noah 5+2, Olivia 11+4,
    # Sam 0, Tara 4+14, Umar 12.
    rows = [
        ["Allocated Worker", "Emp No", "Assessments", "CIN", "CP", "CLA", "Court", "Care Leavers"],
        ["Aisha Khan", "N1003", "6", "2", "", "", "", ""],
        ["Ben Carter", "N1004", "10", "4", "1", "", "", ""],
        ["Chloe Davies", "N1005", "6", "3", "", "", "", ""],
        ["Dan Osei", "N1006", "8", "3", "2", "", "", ""],
        ["Faisal Ahmed", "N1009", "", "9", "4", "", "2", ""],
        ["Harry Evans", "N1011", "", "10", "2", "", "", ""],
        ["Isla Morgan", "N1012", "", "11", "3", "", "1", ""],
        ["Jack Price", "N1013", "", "12", "5", "", "", ""],
        ["Liam Turner", "N1016", "", "8", "5", "", "2", ""],
        ["Noah Green", "N1018", "", "5", "2", "", "", ""],
        ["Olivia Hall", "N1019", "", "11", "4", "", "", ""],
        ["Sam Clarke", "N1022", "", "", "", "", "", ""],
        ["Tara Young", "N1023", "", "", "", "4", "", "14"],
        ["Umar Ali", "N1024", "", "", "", "", "", "12"],
        ["Zara Quinn", "N9999", "", "7", "", "", "", ""],
    ]
    write("northshire-caseloads.csv", "\n".join(csv_line(r) for r in rows) + "\n")


def long_caseloads():
    # Long, surname first, as a case system lists workers; one row per worker and case type.
    rows = [
        ["Worker", "Case Type", "Count"],
        ["Khan, Aisha", "Child in Need", "2"],
        ["Khan, Aisha", "Single Assessment", "6"],
        ["Carter, Ben", "CP Plan", "1"],
        ["Carter, Ben", "Child in Need", "4"],
        ["Carter, Ben", "Child in Need", "1"],
        ["Young, Tara", "Leaving Care", "14"],
        ["Young, Tara", "Early Help", "3"],
    ]
    write("northshire-caseloads-long.csv", "\n".join(csv_line(r) for r in rows) + "\n")


def westbridge():
    # Semicolon separated, Windows-1252 (as Excel writes "CSV" on Windows in some locales),
    # decimal commas, forename and surname apart, cost centres, contracted hours, salaries in £.
    head = ["Payroll Number", "Forename", "Surname", "Post Title", "Cost Centre", "Contracted Hours",
            "Employment Type", "Contract Start", "Contract End", "Absence Reason", "Return Date",
            "Annual Salary"]
    rows = [
        ["204411", "Siân", "Llewellyn", "Team Manager", "CC4410 Locality North", "37", "Permanent", "", "", "", "", "£52,805"],
        ["204412", "Rhys", "Morgan", "Level 3 Social Worker", "CC4410 Locality North", "37", "Permanent", "", "", "", "", "£41,418"],
        ["204413", "Zoë", "Pritchard", "Level 3 Social Worker", "CC4410 Locality North", "18,5", "Permanent", "", "", "Maternity", "01/01/2027", "£41,418"],
        ["204414", "Seán", "O'Brien", "Level 2 Social Worker", "CC4410 Locality North", "37", "Fixed Term", "01/04/2026", "31/03/2027", "", "", "£38,500"],
        ["204415", "Gwenllian", "Hughes", "Newly Qualified Social Worker", "CC4420 Locality South", "37", "Permanent", "01/09/2026", "", "", "", "£34,834"],
        ["204416", "Mared", "Jones", "Senior Practitioner", "CC4420 Locality South", "30", "Permanent", "", "", "", "", "£45,718"],
        ["204417", "Dafydd", "Roberts", "Level 3 Social Worker", "CC4420 Locality South", "37", "Agency", "", "", "", "", "£0"],
        ["", "", "", "Level 3 Social Worker", "CC4420 Locality South", "37", "Permanent", "", "", "", "", ""],
        ["204419", "Ffion", "Evans", "Business Support Officer", "CC4420 Locality South", "37", "Permanent", "", "", "", "", "£24,790"],
    ]
    text = "\r\n".join(csv_line(r, ";") for r in [head] + rows) + "\r\n"
    write("westbridge-hr-export.csv", text, encoding="cp1252")


def eastmoor():
    # Tab separated, UTF-8 without a mark, a merged group-heading row above the headings,
    # ISO dates, position ids.
    lines = [
        "Eastmoor Borough Council\t\t\t\t\t\t\t\t\t",
        "Employee\t\tPost\t\t\t\tDates\t\tAbsence\t",
        "Position ID\tPost holder\tRole\tService\tWTE\tPermanency\tDate Started\tLeaving Date\tLong Term Absence\tDue Back",
        "POS-0031\tAmara Okafor\tPractice Manager\tFront Door\t1\tPermanent\t2019-05-13\t\t\t",
        "POS-0032\tBethany Cole\tSocial Worker\tFront Door\t1\tPermanent\t2021-02-01\t2026-08-31\t\t",
        "POS-0033\tCallum Reid\tSocial Worker\tFront Door\t0.8\tPermanent\t2022-10-03\t\t\t",
        "POS-0034\t\tSocial Worker\tFront Door\t1\tPermanent\t\t\t\t",
        "POS-0041\tDeborah Mensah\tPractice Manager\tCiC and Permanence\t1\tPermanent\t2016-01-04\t\t\t",
        "POS-0042\tElliot Shaw\tSenior Practitioner\tCiC and Permanence\t1\tPermanent\t2018-06-18\t\tSickness\t",
        "POS-0043\tFatima Noor\tSocial Worker\tCiC and Permanence\t1\tAgency\t2026-01-12\t\t\t",
        "POS-0044\tGeorge Baxter\tSocial Worker\tCiC and Permanence\t1\tFixed-term\t2026-05-01\t2027-04-30\t\t",
    ]
    write("eastmoor-staff.tsv", "\n".join(lines) + "\n")


def southvale():
    # An Excel workbook: a merged title, a blank row, merged group headings, numbers as
    # numbers and dates as dates; a second sheet of notes.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Staff"
    ws["A1"] = "Southvale City Council - Safeguarding establishment (November 2026)"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:K1")
    ws["A3"] = "Person"
    ws.merge_cells("A3:C3")
    ws["D3"] = "Post"
    ws.merge_cells("D3:G3")
    ws["H3"] = "Contract dates"
    ws.merge_cells("H3:I3")
    heads = ["Staff ID", "First Name", "Last Name", "Role", "Team Name", "Weekly Hours",
             "Contract", "Start", "End", "Absence", "Return"]
    for i, h in enumerate(heads, start=1):
        ws.cell(row=4, column=i, value=h).font = Font(bold=True)
    d = datetime.datetime
    rows = [
        [31001, "Hannah", "Ford", "Team Manager", "Family Safeguarding 1", 37, "Permanent", d(2015, 3, 2), None, None, None],
        [31002, "Imran", "Hussain", "Senior Social Worker", "Family Safeguarding 1", 37, "Permanent", d(2017, 9, 11), None, None, None],
        [31003, "Jess", "Barnes", "Social Worker", "Family Safeguarding 1", 22.5, "Permanent", d(2020, 1, 6), None, "Maternity leave", d(2027, 3, 1)],
        [31004, "Kwame", "Asante", "Social Worker", "Family Safeguarding 1", 37, "Fixed term", d(2026, 4, 1), d(2027, 3, 31), None, None],
        [31005, "Laura", "Bell", "Social Worker", "Family Safeguarding 2", 37, "Agency", d(2026, 2, 16), None, None, None],
        [None, None, None, "Social Worker", "Family Safeguarding 2", 37, "Permanent", None, None, None, None],
        [31007, "Mohammed", "Iqbal", "ASYE", "Family Safeguarding 2", 37, "Permanent", d(2026, 9, 7), None, None, None],
    ]
    for r, row in enumerate(rows, start=5):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, d):
                cell.number_format = "dd/mm/yyyy"
    notes = wb.create_sheet("Notes")
    notes["A1"] = "Hours are contracted hours a week; a full-time week is 37 hours."
    wb.save("southvale-establishment.xlsx")


def bad_files():
    write("empty.csv", "")
    write("not-a-table.txt",
          "Dear colleague\n\nPlease find attached the staffing figures for November.\n"
          "Kind regards\nWorkforce team\n")
    write("headings-only.csv", "Name,Job Title,Team,FTE\n")
    write("merged-headers.csv",
          "Staff,,,Hours\n,,,\nPost details,,,\nName,Job Title,Team,FTE\n"
          "Amy Lewis,Social Worker,North,1\nBen Hart,Team Manager,North,1\n")
    write("blank-rows.csv",
          "Name,Job Title,Team,FTE\n\nAmy Lewis,Social Worker,North,1\n,,,\n\n"
          "Ben Hart,Social Worker,North,0.5\n  ,  ,  ,  \nCara Webb,Team Manager,North,1\n\n")
    write("mixed-types.csv",
          "Name,Job Title,Team,FTE,Start Date\n"
          "Amy Lewis,Social Worker,North,1,01/04/2026\n"
          "Ben Hart,Social Worker,North,full time,2026-05-01\n"
          "Cara Webb,Social Worker,North,n/a,01/04/2026\n"
          "12345,Social Worker,North,0.5,46174\n"
          "Dev Shah,Social Worker,North,1.2,next month\n"
          "Ella Fox,Social Worker,North,0.5,04/15/2026\n")
    write("duplicate-numbers.csv",
          "Employee Number,Name,Job Title,Team,FTE\n"
          "E100,Amy Lewis,Social Worker,North,1\n"
          "E101,Ben Hart,Social Worker,North,1\n"
          "E100,Cara Webb,Social Worker,South,1\n")
    rng = random.Random(11)
    junk = bytes(rng.randrange(256) for _ in range(4096))
    with open("binary-junk.bin", "wb") as f:
        f.write(junk)
    with open("old-excel.xls", "wb") as f:
        f.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + junk[:504])
    with open("southvale-establishment.xlsx", "rb") as f:
        whole = f.read()
    with open("truncated.xlsx", "wb") as f:
        f.write(whole[: len(whole) // 3])


if __name__ == "__main__":
    northshire()
    northshire_caseloads()
    long_caseloads()
    westbridge()
    eastmoor()
    southvale()
    bad_files()
