/** English messages of the Reports page (namespace `reports`). */
export const reports = {
  nav: 'Reports',
  title: 'Reports',
  intro:
    'Download what the reporting service knows, as CSV or JSON, with the filters each report takes.',
  listLabel: 'Reports',
  report: {
    devices: {
      title: 'Devices',
      body: 'Every key in the inventory: serial, status, user, policy, last seen.',
    },
    'devices-by': {
      title: 'Devices by group',
      body: 'How many keys there are per status, policy, identity provider or authenticator model.',
    },
    sessions: {
      title: 'Sessions',
      body: 'Configuration and enrollment sessions: who ran them, on which workstation, the outcome.',
    },
    provisioning: {
      title: 'Provisioning',
      body: 'Provisioning requests and what came of each.',
    },
    'pin-views': {
      title: 'PIN views',
      body: 'Who looked at which key’s PIN, and when (never the PIN itself).',
    },
  },
  filter: {
    from: 'From (UTC)',
    to: 'To (UTC)',
    by: 'Group by',
    toBeforeFrom: '"To" is before "From".',
  },
  by: {
    status: 'Status',
    policy: 'Policy',
    idp: 'Identity provider',
    aaguid: 'Authenticator model (AAGUID)',
  },
  csv: 'Download {{report}} as CSV',
  json: 'Download {{report}} as JSON',
  csvShort: 'CSV',
  jsonShort: 'JSON',
  downloading: 'Downloading…',
  failed: 'The download failed: {{reason}}',
};
