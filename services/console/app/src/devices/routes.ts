/** Typed paths of the devices feature (tests and links build URLs with these). */
export const toDevices = () => '/';
export const toAssignUser = (username: string) => `/assign-user/${encodeURIComponent(username)}`;
