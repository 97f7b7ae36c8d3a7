/**
 * English names of a form's Cancel and Close (`common.cancel`, `common.close`): the editor and the
 * account password form show them, and each registers them (`addEnglish`).
 */
export const formActions = { cancel: 'Cancel', close: 'Close' };
