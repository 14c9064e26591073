"""The indicator catalogue (OmsorgDetection/Indicators/IndicatorDefinition.swift) in DuckDB SQL over
the same CSV extracts, timed, and compared row by row with the table `omsorg indicators` wrote.

Usage: indicators_duckdb.py EXTRACTS_DIR AS_OF OMSORG_TABLE.csv SECRET MUNICIPALITY_CODE
Prints one JSON line: {"seconds": …, "children": …, "equal": true|false, "mismatches": …}.
"""
import hashlib
import hmac
import json
import sys
import time

import duckdb

folder, as_of, ours, secret, code = sys.argv[1:6]

SQL = """
WITH
population AS (SELECT * FROM read_csv('{d}/population.csv', header = true,
    columns = {{'person_number': 'VARCHAR', 'birth_date': 'DATE', 'sex': 'VARCHAR', 'household_id': 'VARCHAR'}})),
custody AS (SELECT * FROM read_csv('{d}/custody.csv', header = true,
    columns = {{'child_person_number': 'VARCHAR', 'parent_person_number': 'VARCHAR'}})),
dental AS (SELECT * FROM read_csv('{d}/dental.csv', header = true,
    columns = {{'person_number': 'VARCHAR', 'date': 'DATE', 'event': 'VARCHAR'}})),
health AS (SELECT * FROM read_csv('{d}/health_visiting.csv', header = true,
    columns = {{'person_number': 'VARCHAR', 'date': 'DATE', 'event': 'VARCHAR'}})),
jobs AS (SELECT person_number, strptime(month || '-01', '%Y-%m-%d')::DATE AS month FROM read_csv('{d}/job_centre.csv', header = true,
    columns = {{'person_number': 'VARCHAR', 'month': 'VARCHAR', 'benefit_type': 'VARCHAR'}})),
daycare AS (SELECT person_number, strptime(month || '-01', '%Y-%m-%d')::DATE AS month, absence_days FROM read_csv('{d}/daycare.csv',
    header = true, columns = {{'person_number': 'VARCHAR', 'month': 'VARCHAR', 'absence_days': 'INTEGER'}})),
social AS (SELECT * FROM read_csv('{d}/social_services.csv', header = true,
    columns = {{'person_number': 'VARCHAR', 'date': 'DATE', 'event': 'VARCHAR'}})),
treatment AS (SELECT * FROM read_csv('{d}/substance_treatment.csv', header = true,
    columns = {{'person_number': 'VARCHAR', 'start_date': 'DATE', 'end_date': 'DATE'}})),
children AS (SELECT person_number FROM population
    WHERE birth_date < DATE '{a}' AND birth_date > DATE '{a}' - INTERVAL 18 YEAR),
dental_missed AS (SELECT person_number FROM dental WHERE event = 'missed-appointment'
    AND date >= DATE '{a}' - INTERVAL 12 MONTH AND date < DATE '{a}' GROUP BY 1 HAVING count(*) >= 2),
extra_need AS (SELECT person_number FROM health WHERE event = 'extra-need-visit'
    AND date >= DATE '{a}' - INTERVAL 24 MONTH AND date < DATE '{a}' GROUP BY 1 HAVING count(*) >= 2),
health_missed AS (SELECT person_number FROM health WHERE event = 'missed-appointment'
    AND date >= DATE '{a}' - INTERVAL 24 MONTH AND date < DATE '{a}' GROUP BY 1 HAVING count(*) >= 2),
benefit_parents AS (SELECT person_number FROM jobs
    WHERE month >= DATE '{a}' - INTERVAL 12 MONTH AND month < DATE '{a}' GROUP BY 1 HAVING count(DISTINCT month) >= 6),
absence AS (SELECT person_number FROM daycare
    WHERE month >= DATE '{a}' - INTERVAL 6 MONTH AND month < DATE '{a}' GROUP BY 1 HAVING sum(absence_days) >= 20),
reports AS (SELECT person_number FROM social WHERE event = 'report-of-concern'
    AND date >= DATE '{a}' - INTERVAL 24 MONTH AND date < DATE '{a}' GROUP BY 1 HAVING count(*) >= 2),
treated_parents AS (SELECT DISTINCT person_number FROM treatment
    WHERE start_date < DATE '{a}' AND (end_date IS NULL OR end_date >= DATE '{a}' - INTERVAL 24 MONTH)),
measures AS (SELECT DISTINCT person_number FROM social WHERE event IN ('measure-start', 'placement')
    AND date >= DATE '{a}' - INTERVAL 36 MONTH AND date < DATE '{a}'),
outcomes AS (SELECT DISTINCT person_number FROM social WHERE event = 'report-of-concern'
    AND date >= DATE '{a}' AND date < DATE '{a}' + INTERVAL 12 MONTH),
parent_flags AS (SELECT c.child_person_number AS person_number,
    max(CASE WHEN b.person_number IS NOT NULL THEN 1 ELSE 0 END) AS parent_benefits,
    max(CASE WHEN t.person_number IS NOT NULL THEN 1 ELSE 0 END) AS parent_treatment
    FROM custody c LEFT JOIN benefit_parents b ON b.person_number = c.parent_person_number
    LEFT JOIN treated_parents t ON t.person_number = c.parent_person_number GROUP BY 1)
SELECT ch.person_number,
    (dm.person_number IS NOT NULL)::INT, (en.person_number IS NOT NULL)::INT, (hm.person_number IS NOT NULL)::INT,
    coalesce(pf.parent_benefits, 0), (ab.person_number IS NOT NULL)::INT, (r.person_number IS NOT NULL)::INT,
    coalesce(pf.parent_treatment, 0), (m.person_number IS NOT NULL)::INT, (o.person_number IS NOT NULL)::INT
FROM children ch
LEFT JOIN dental_missed dm USING (person_number) LEFT JOIN extra_need en USING (person_number)
LEFT JOIN health_missed hm USING (person_number) LEFT JOIN parent_flags pf USING (person_number)
LEFT JOIN absence ab USING (person_number) LEFT JOIN reports r USING (person_number)
LEFT JOIN measures m USING (person_number) LEFT JOIN outcomes o USING (person_number)
"""

started = time.perf_counter()
rows = duckdb.sql(SQL.format(d=folder, a=as_of)).fetchall()
seconds = time.perf_counter() - started

# The same keyed pseudonyms as OmsorgDetection's Pseudonymiser, to compare the two tables.
key = hmac.new(secret.encode(), f"omsorg-pseudonym:{code}".encode(), hashlib.sha256).digest()
def pseudonym(number):
    return hmac.new(key, number.encode(), hashlib.sha256).digest()[:16].hex()

reference = {pseudonym(row[0]): tuple(str(v) for v in row[1:]) for row in rows}
with open(ours) as table:
    next(table)
    mine = {fields[0]: tuple(fields[1:]) for fields in (line.rstrip("\n").split(",") for line in table)}
mismatches = sum(1 for child in reference.keys() | mine.keys() if reference.get(child) != mine.get(child))
print(json.dumps({"seconds": round(seconds, 3), "children": len(rows), "equal": mismatches == 0, "mismatches": mismatches}))
