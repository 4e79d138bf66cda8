//! Open and Save As dialogs that never freeze the window: the request is made on the UI thread,
//! the answer is awaited on a worker thread and collected by [`FileDialogs::poll`] in a later
//! frame. Tests use [`ScriptedDialogs`], which answers at once from a script.

use std::collections::VecDeque;
use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::mpsc::{Receiver, Sender, channel};

/// What a dialog was asked for, so its answer can be acted on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    Open,
    SaveAs,
}

/// A dialog's answer: the chosen path, or `None` when the user cancelled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogAnswer {
    pub purpose: DialogPurpose,
    pub path: Option<PathBuf>,
}

/// A source of file-dialog answers.
pub trait FileDialogs {
    /// Starts a dialog. `wake` is called from any thread when the answer is ready.
    fn ask(&mut self, purpose: DialogPurpose, suggested_name: &str, wake: Box<dyn Fn() + Send>);
    /// An answer, if one has arrived.
    fn poll(&mut self) -> Option<DialogAnswer>;
    /// Is a dialog waiting for the user? (The app asks for no second one meanwhile.)
    fn is_waiting(&self) -> bool;
}

/// The platform's dialogs, through rfd.
pub struct NativeDialogs {
    sender: Sender<DialogAnswer>,
    receiver: Receiver<DialogAnswer>,
    waiting: bool,
}

impl Default for NativeDialogs {
    fn default() -> Self {
        let (sender, receiver) = channel();
        NativeDialogs {
            sender,
            receiver,
            waiting: false,
        }
    }
}

type Pick = Pin<Box<dyn Future<Output = Option<rfd::FileHandle>> + Send>>;

impl FileDialogs for NativeDialogs {
    fn ask(&mut self, purpose: DialogPurpose, suggested_name: &str, wake: Box<dyn Fn() + Send>) {
        let dialog = rfd::AsyncFileDialog::new().add_filter("Caseload plan", &["ron"]);
        let pick: Pick = match purpose {
            DialogPurpose::Open => Box::pin(dialog.set_title("Open plan").pick_file()),
            DialogPurpose::SaveAs => Box::pin(
                dialog
                    .set_title("Save plan as")
                    .set_file_name(suggested_name)
                    .save_file(),
            ),
        };
        let sender = self.sender.clone();
        self.waiting = true;
        std::thread::spawn(move || {
            let path = pollster::block_on(pick).map(|handle| handle.path().to_owned());
            // The app may have closed meanwhile; then nobody needs the answer.
            let _ = sender.send(DialogAnswer { purpose, path });
            wake();
        });
    }

    fn poll(&mut self) -> Option<DialogAnswer> {
        let answer = self.receiver.try_recv().ok()?;
        self.waiting = false;
        Some(answer)
    }

    fn is_waiting(&self) -> bool {
        self.waiting
    }
}

/// Answers dialogs from a script, at once: for tests.
#[derive(Default)]
pub struct ScriptedDialogs {
    /// Paths to answer with, in order; `None` is a cancel. An empty script cancels.
    pub script: VecDeque<Option<PathBuf>>,
    /// Every dialog asked for, in order.
    pub asked: Vec<DialogPurpose>,
    ready: VecDeque<DialogAnswer>,
}

impl ScriptedDialogs {
    pub fn answering(paths: impl IntoIterator<Item = Option<PathBuf>>) -> Self {
        ScriptedDialogs {
            script: paths.into_iter().collect(),
            ..Default::default()
        }
    }
}

impl FileDialogs for ScriptedDialogs {
    fn ask(&mut self, purpose: DialogPurpose, _suggested_name: &str, wake: Box<dyn Fn() + Send>) {
        self.asked.push(purpose);
        let path = self.script.pop_front().flatten();
        self.ready.push_back(DialogAnswer { purpose, path });
        wake();
    }

    fn poll(&mut self) -> Option<DialogAnswer> {
        self.ready.pop_front()
    }

    fn is_waiting(&self) -> bool {
        !self.ready.is_empty()
    }
}

/// `plan` → `plan.ron`, so saved plans are recognisable and open with the dialogs' filter.
pub fn with_ron_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension("ron")
    }
}
