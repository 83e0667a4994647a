// Messages more than one part of the widget gives.
const NOT_LOADED = "This part of the tool could not be loaded (are you offline?). Your answers are still here: try again later.";

export { NOT_LOADED };
