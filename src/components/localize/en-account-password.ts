/**
 * English strings of the account password section (`panel.accountPassword`): the owner of a
 * shared-password account sees it, and its module (account-password-form.ts) registers them (`addEnglish`).
 */
export const accountPassword = {
  title: 'Account password',
  text: 'Everyone on the team signs in with their own email and this one password. Only you, the owner, can change it.',
  open: 'Change account password',
  label: 'New account password',
  hint: 'At least 12 characters, not your email. A few unrelated words make a strong password. From now on everyone signs in with the new one: tell your team.',
  save: 'Save password',
  saving: 'Saving…',
  saved: 'The account password was changed. Let your team know the new one.',
};
