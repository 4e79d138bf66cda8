//! Release files: refused with a message naming the file and the place, never a panic;
//! installed into the app's data folder and used from then on.

use caseload_planner::io::platform::AppFolders;
use caseload_planner::io::published::{
    ATTRIBUTION, BUILTIN_RELEASE_FILE, MAX_RELEASE_BYTES, PublishedError, ReleaseSource,
    current_release, install_release, installed_release_file, read_release,
};
use proptest::prelude::*;

const CSV: &[u8] = include_bytes!("../assets/published/csww_indicators_2017_to_2025.csv");

/// The release's CSV without `column`, written back with the csv crate (names have commas).
fn without_column(column: &str) -> Vec<u8> {
    let mut reader = csv::Reader::from_reader(CSV.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(CSV));
    let headers = reader.headers().unwrap().clone();
    let drop = headers.iter().position(|h| h == column).unwrap();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let keep = |r: &csv::StringRecord| -> Vec<String> {
        r.iter()
            .enumerate()
            .filter(|(i, _)| *i != drop)
            .map(|(_, c)| c.to_owned())
            .collect()
    };
    writer.write_record(keep(&headers)).unwrap();
    for record in reader.records() {
        writer.write_record(keep(&record.unwrap())).unwrap();
    }
    writer.into_inner().unwrap()
}

#[test]
fn a_file_without_a_column_the_app_reads_is_refused_naming_it() {
    let bytes = without_column("caseload_fte");
    let e = read_release("new.csv", &bytes).unwrap_err();
    assert_eq!(
        e.to_string(),
        "new.csv: is not a children's social work workforce release the app can read: it has \
         no column caseload_fte"
    );
    // A column the app does not read may go.
    let fewer = without_column("turnover_rate_headcount");
    assert_eq!(
        read_release("fewer.csv", &fewer).unwrap().years(),
        (2017, 2025)
    );
    // Columns added are fine.
    let text = std::str::from_utf8(CSV).unwrap();
    let mut lines = text.lines();
    let mut more = format!("{},extra\n", lines.next().unwrap());
    for line in lines {
        more.push_str(line);
        more.push_str(",1\n");
    }
    assert_eq!(
        read_release("more.csv", more.as_bytes())
            .unwrap()
            .councils()
            .count(),
        151
    );
    // Two missing.
    let e = read_release("x.csv", b"time_period,cases\n2025,1\n").unwrap_err();
    match e {
        PublishedError::MissingColumns { columns, .. } => {
            assert_eq!(columns.len(), 27);
            assert!(columns.contains(&"geographic_level".to_owned()));
        }
        other => panic!("{other}"),
    }
}

#[test]
fn a_bad_number_names_its_line_and_column() {
    let text = std::str::from_utf8(CSV).unwrap();
    // Barking and Dagenham 2025 is line 147; its cases (1801) become "18O1".
    let bad = text.replacen(",120,1801,15,", ",120,18O1,15,", 1);
    assert_ne!(bad, text);
    let e = read_release("bad.csv", bad.as_bytes()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "bad.csv: line 147, column cases: \"18O1\" is not a number (0 or more)"
    );
    let negative = text.replacen(",120,1801,15,", ",120,-1801,15,", 1);
    assert!(matches!(
        read_release("bad.csv", negative.as_bytes()),
        Err(PublishedError::BadNumber { line: 147, .. })
    ));
}

#[test]
fn a_file_with_or_without_a_bom_reads_the_same() {
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), CSV].concat();
    let a = read_release("a.csv", &with_bom).unwrap();
    let b = read_release("b.csv", CSV).unwrap();
    assert_eq!(a.figures("301", 2025), b.figures("301", 2025));
    assert_eq!(a.councils().count(), b.councils().count());
}

#[test]
fn other_files_are_refused_with_a_message() {
    let e = read_release("plan.ron", b"(version: 3, plan: ())").unwrap_err();
    assert!(matches!(e, PublishedError::MissingColumns { .. }), "{e}");
    let e = read_release("empty.csv", b"").unwrap_err();
    assert!(e.to_string().starts_with("empty.csv: "), "{e}");
    let e = read_release("latin1.csv", b"time_period,la_name\n2025,Caf\xe9\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "latin1.csv: line 2: is not text in UTF-8 (save it from Excel as \"CSV UTF-8\")"
    );
    let huge = vec![b'a'; MAX_RELEASE_BYTES as usize + 1];
    assert!(matches!(
        read_release("huge.csv", &huge),
        Err(PublishedError::TooLarge { .. })
    ));
    // Only the header: no rows.
    let header = std::str::from_utf8(CSV).unwrap().lines().next().unwrap();
    let e = read_release("header.csv", header.as_bytes()).unwrap_err();
    assert_eq!(e.to_string(), "header.csv: it has no rows of figures");
    // Without England in its latest year.
    let no_england: String = std::str::from_utf8(CSV)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("2025,Reporting year,National"))
        .map(|l| format!("{l}\n"))
        .collect();
    let e = read_release("no-england.csv", no_england.as_bytes()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "no-england.csv: it has no figures for England in 2025"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_bytes_never_panic_the_reader(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let _ = read_release("random.csv", &bytes);
    }

    #[test]
    fn a_damaged_release_is_read_or_refused_without_panicking(
        cut in 0..CSV.len(),
        at in 0..CSV.len(),
        byte in any::<u8>(),
    ) {
        let _ = read_release("cut.csv", &CSV[..cut]);
        let mut changed = CSV.to_vec();
        changed[at] = byte;
        if let Ok(r) = read_release("changed.csv", &changed) {
            prop_assert!(r.england(r.latest_year()).is_some());
        }
    }
}

/// The built-in release with every 2025 row repeated as 2026: a "newer" release.
fn release_to_2026() -> Vec<u8> {
    let text = std::str::from_utf8(CSV).unwrap();
    let mut out = text.to_owned();
    for line in text.lines().filter(|l| l.starts_with("2025,")) {
        out.push_str(&line.replacen("2025,", "2026,", 1));
        out.push('\n');
    }
    out.into_bytes()
}

#[test]
fn with_nothing_installed_the_built_in_release_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let folders = AppFolders::under(dir.path());
    let (release, source) = current_release(&folders);
    assert_eq!(release.years(), (2017, 2025));
    assert_eq!(source.to_string(), "built in (DfE, 2017 to 2025)");
    assert_eq!(source.installed_not_used(), None);
    assert!(ATTRIBUTION.contains("Open Government Licence v3.0"));
    assert!(ATTRIBUTION.contains("Children's social work workforce statistics"));
    assert_eq!(BUILTIN_RELEASE_FILE, "csww_indicators_2017_to_2025.csv");
}

#[test]
fn a_newer_release_installed_is_used_from_then_on() {
    let dir = tempfile::tempdir().unwrap();
    let folders = AppFolders::under(&dir.path().join("app"));
    let source = dir.path().join("csww_2026.csv");
    std::fs::write(&source, release_to_2026()).unwrap();
    let installed = install_release(&source, &folders).unwrap();
    assert_eq!(installed.years(), (2017, 2026));
    let file = installed_release_file(&folders).unwrap();
    assert_eq!(file, folders.published.join("csww_2026.csv"));
    assert_eq!(std::fs::read(&file).unwrap(), release_to_2026());

    let (release, source) = current_release(&folders);
    assert_eq!(release.latest_year(), 2026);
    assert_eq!(
        source.to_string(),
        "csww_2026.csv (installed, 2017 to 2026)"
    );
    assert!(matches!(source, ReleaseSource::Installed { .. }));

    // A second install replaces the first.
    let second = dir.path().join("second.csv");
    std::fs::write(&second, release_to_2026()).unwrap();
    install_release(&second, &folders).unwrap();
    let names: Vec<_> = std::fs::read_dir(&folders.published)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names,
        ["second.csv"],
        "no temporary file, no older release left"
    );
}

#[test]
fn a_file_that_is_refused_is_not_installed_and_the_previous_one_stays() {
    let dir = tempfile::tempdir().unwrap();
    let folders = AppFolders::under(dir.path());
    let good = dir.path().join("good.csv");
    std::fs::write(&good, release_to_2026()).unwrap();
    install_release(&good, &folders).unwrap();

    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, without_column("vacancy_fte")).unwrap();
    let e = install_release(&bad, &folders).unwrap_err();
    assert!(
        e.to_string().contains("it has no column vacancy_fte"),
        "{e}"
    );
    // An older release would not be used: refused.
    let old = dir.path().join("old.csv");
    let to_2024: String = std::str::from_utf8(CSV)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("2025,"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&old, to_2024).unwrap();
    let e = install_release(&old, &folders).unwrap_err();
    assert!(
        e.to_string()
            .ends_with("old.csv: its figures go to 2024 only; the release built in goes to 2025"),
        "{e}"
    );
    let missing = install_release(&dir.path().join("nowhere.csv"), &folders).unwrap_err();
    assert!(
        missing.to_string().contains("there is no such file"),
        "{missing}"
    );

    assert_eq!(
        installed_release_file(&folders).unwrap(),
        folders.published.join("good.csv")
    );
    assert_eq!(current_release(&folders).0.latest_year(), 2026);
}

#[test]
fn an_installed_release_that_cannot_be_read_gives_way_to_the_built_in_one_saying_why() {
    let dir = tempfile::tempdir().unwrap();
    let folders = AppFolders::under(dir.path());
    std::fs::create_dir_all(&folders.published).unwrap();
    let damaged = folders.published.join("csww_2026.csv");
    std::fs::write(&damaged, b"time_period,geographic_level\n2026,National\n").unwrap();
    let (release, source) = current_release(&folders);
    assert_eq!(release.years(), (2017, 2025));
    assert_eq!(source.to_string(), "built in (DfE, 2017 to 2025)");
    let why = source.installed_not_used().unwrap();
    assert!(why.contains("csww_2026.csv"), "{why}");
    assert!(why.contains("it has no columns country_code"), "{why}");
}
