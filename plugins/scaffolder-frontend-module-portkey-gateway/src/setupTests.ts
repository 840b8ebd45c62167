import '@testing-library/jest-dom';

// jsdom has no scrolling; the scaffolder's Stepper scrolls to the top on every page.
window.scrollTo = () => {};

// The template's enums use `enumNames`, which react-jsonschema-form warns about on every render.
/* eslint-disable no-console */
const warn = console.warn;
console.warn = (...args: unknown[]) => {
  if (
    String(args[0]).includes('"enumNames" property in the schema is deprecated')
  )
    return;
  warn(...args);
};
