// Sync Northwind payments into Acme Ledger
export async function sync() {}
