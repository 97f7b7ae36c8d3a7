/**
 * English names of the email notifications (`editor.notificationOptions`): the editor shows them,
 * and the audit log names them in its sentences, so each registers them (`addEnglish`).
 */
export const notificationOptions = {
  taskUpdates: 'Task updates',
  reportReady: 'Reports ready to download',
  creditsLow: 'Credits running low',
};
