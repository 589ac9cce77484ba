/** The example workspace's area (data/example-settings.csv): tests name it; the app's code never does. */
export const EXAMPLE_AREA = { code: 'E06000012', name: 'North East Lincolnshire', level: 'Local authority' } as const;
