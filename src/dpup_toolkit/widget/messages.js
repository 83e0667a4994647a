// Messages more than one part of the widget gives.
// A part loaded on first use could not be fetched: the connection, or the site was updated since the
// page opened (the old parts are gone). "Save a file to carry on later" needs no such part.
const NOT_LOADED = "This part of the tool could not be loaded. Your answers are still on this page. If the site was "
  + "updated since you opened it, use “Save a file to carry on later” (it still works), then reload the page. "
  + "Otherwise check your connection and try again.";

// The button offered when the browser could not save: the answers, with the record's details, in the
// same file as "Save a file to carry on later", named the same way.
const SAVE_NOW = "Save my answers to a file now (.json)";

export { NOT_LOADED, SAVE_NOW };
