// Integration and end-to-end tests start processes and browsers; give them room.
jest.setTimeout(120_000);
