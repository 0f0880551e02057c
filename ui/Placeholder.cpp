// Temporary until the registry widgets land.
