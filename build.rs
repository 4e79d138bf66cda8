//! Build script: for a Windows target, puts the icon, version, product name and manifest into
//! each program as Windows resources (shown in the file's Properties and by Explorer). Other
//! targets need nothing, and nothing is done for them.

use std::env;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Each program: its name and the description Windows shows for it.
const PROGRAMS: &[(&str, &str)] = &[
    ("caseload-planner", "Caseload Planner"),
    ("caseload-planner-cli", "Caseload Planner (command line)"),
];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let manifest_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    let icon = manifest_dir.join("assets/icon.ico");
    let manifest = manifest_dir.join("assets/windows/caseload-planner.manifest");
    println!("cargo:rerun-if-changed={}", icon.display());
    println!("cargo:rerun-if-changed={}", manifest.display());
    for (program, description) in PROGRAMS {
        let rc = out.join(format!("{program}.rc"));
        std::fs::write(&rc, resource_script(program, description, &icon, &manifest)).unwrap();
        embed_resource::compile_for(&rc, [program], embed_resource::NONE)
            .manifest_required()
            .unwrap();
    }
}

/// A resource script: icon, manifest and version information, in UK English.
fn resource_script(program: &str, description: &str, icon: &Path, manifest: &Path) -> String {
    let version = env::var("CARGO_PKG_VERSION").unwrap();
    let number = |name: &str| env::var(name).unwrap().parse::<u16>().unwrap_or(0);
    let numeric = format!(
        "{},{},{},0",
        number("CARGO_PKG_VERSION_MAJOR"),
        number("CARGO_PKG_VERSION_MINOR"),
        number("CARGO_PKG_VERSION_PATCH")
    );
    let licence = env::var("CARGO_PKG_LICENSE").unwrap_or_default();
    // Resource compilers read forward slashes on every host; backslashes would be escapes.
    let path = |p: &Path| p.display().to_string().replace('\\', "/");
    let mut rc = String::new();
    writeln!(rc, "1 ICON \"{}\"", path(icon)).unwrap();
    writeln!(rc, "1 24 \"{}\"", path(manifest)).unwrap(); // 24: RT_MANIFEST
    writeln!(
        rc,
        r#"1 VERSIONINFO
FILEVERSION {numeric}
PRODUCTVERSION {numeric}
FILEFLAGSMASK 0x3f
FILEFLAGS 0
FILEOS 0x40004
FILETYPE 1
FILESUBTYPE 0
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "080904b0"
    BEGIN
      VALUE "CompanyName", "Caseload Planner contributors"
      VALUE "FileDescription", "{description}"
      VALUE "FileVersion", "{version}"
      VALUE "InternalName", "{program}"
      VALUE "LegalCopyright", "Licence: {licence}"
      VALUE "OriginalFilename", "{program}.exe"
      VALUE "ProductName", "Caseload Planner"
      VALUE "ProductVersion", "{version}"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x809, 1200
  END
END"#
    )
    .unwrap();
    rc
}
