/** Usage lines of `wharf site import|export`, for the main usage text (here, so the
 * usage does not load the importers). */
export const SITE_FILE_USAGE = `  site import FILE|FOLDER [--dry-run] [--into FOLDER] [--no-passwords]
                         import sites from FileZilla (sitemanager.xml), WinSCP (WinSCP.ini),
                         Cyberduck (.duck, or a folder of them) or a Wharf export; the format is
                         told from the content; passwords found go to the keychain
  site export FILE [--format filezilla|wharf-json] [--force]
                         write all sites without passwords: FileZilla's sitemanager.xml (read by
                         FileZilla and WinSCP) unless FILE ends in .json`;
