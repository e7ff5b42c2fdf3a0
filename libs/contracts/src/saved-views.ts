// Saved ticket-list views: a named filter + sort, private to its owner or shared with everyone.

export interface SavedViewSort {
  field: string;
  order: 'ASC' | 'DESC';
}

export interface SavedViewRecord {
  id: string;
  ownerId: string;
  ownerName: string;
  name: string;
  /** The ticket list's filter, as the list takes it (`GET /tickets?filter=…`). */
  filter: Record<string, unknown>;
  sort: SavedViewSort | null;
  shared: boolean;
  createdAt: string;
  /** The signed-in user may rename, change or delete it. */
  canEdit: boolean;
}

export interface SavedViewInput {
  name: string;
  filter: Record<string, unknown>;
  sort?: SavedViewSort | null;
  shared?: boolean;
}

export const SAVED_VIEW_NAME_MAX = 60;
