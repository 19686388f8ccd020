// The browser test's stand-in for the webview's `acquireVsCodeApi`: what the page posts to the extension is
// kept in window.__posted for the test to read.
(function () {
  'use strict';
  window.__posted = [];
  let state;
  window.acquireVsCodeApi = function acquireVsCodeApi() {
    return {
      postMessage(message) { window.__posted.push(JSON.parse(JSON.stringify(message))); },
      getState() { return state; },
      setState(value) { state = value; },
    };
  };
}());
