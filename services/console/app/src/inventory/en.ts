/** Strings of the inventory's actions (remote unlock, initial PIN, export, paging), merged into the `inventory` namespace. */
export const inventoryActions = {
  previousPage: 'Previous page',
  export: {
    csv: 'Export CSV',
    json: 'Export JSON',
    failed: 'The export failed: {{reason}}',
  },
  pin: { action: 'Initial PIN' },
  remoteUnlock: {
    action: 'Remote unlock',
    title: 'Remote unlock',
    intro:
      'For a user whose key is locked: they read out the challenge their key shows, you read back the response. Every response issued is audited.',
    serial: 'Serial of the key',
    challenge: 'Challenge the user reads out',
    challengeHelp: '32 hexadecimal characters (spaces and dashes are ignored).',
    challengeInvalid: 'A challenge is 32 hexadecimal characters.',
    submit: 'Get response',
    response: 'Response to read back',
    responseHelp: 'Read it to the user; their key accepts it once, for this challenge only.',
    failed: 'No response could be issued',
    close: 'Close',
    cancel: 'Cancel',
  },
};
