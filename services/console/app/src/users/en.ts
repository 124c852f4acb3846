/** English messages of the Users page (namespace `users`). */
export const users = {
  nav: 'Users',
  title: 'Users',
  intro: 'Find a person at an identity provider, see their security keys and give them another.',
  idp: 'Identity provider',
  idpDefault: '{{name}} (default)',
  search: 'Search users',
  searchPlaceholder: 'Login, e-mail or name',
  exactIdHint: 'This provider finds users by their exact id only.',
  idpsFailed: 'Could not load the identity providers',
  noIdps: {
    title: 'No identity provider configured',
    body: 'Users are searched at an identity provider; an administrator connects one first.',
  },
  directoryForbidden: {
    title: 'Searching the directory needs another permission',
    body: 'The directory needs the permission "{{permission}}", which your role does not grant. Keys of a user linked here are still shown.',
  },
  start: {
    title: 'Search for a user',
    body: 'Type a login, an e-mail address or a name and press Enter.',
  },
  searchFailed: 'The search at the identity provider failed',
  noResults: {
    title: 'No users match',
    body: 'No user at this identity provider matches "{{q}}".',
    clear: 'Clear search',
  },
  resultsLabel: 'Users found',
  showKeys: 'Show keys of {{name}}',
  keysTitle: 'Keys of {{name}}',
  keysLabel: 'Keys of the user',
  keysFailed: 'Could not load the keys of this user',
  noKeys: {
    title: 'No keys',
    body: 'This user holds no security key yet.',
  },
  addDevice: 'Add device',
  column: { serial: 'Serial', status: 'Status', policy: 'Policy', lastSeen: 'Last seen' },
};
