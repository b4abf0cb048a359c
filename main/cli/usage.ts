/*
 * Usage text that commands share with the main usage, kept apart from the code it describes so that
 * `wharf --help` loads neither the importers nor the engine.
 */

/** Usage lines of `wharf site import|export`, for the main usage text. */
export const SITE_FILE_USAGE = `  site import FILE|FOLDER [--dry-run] [--into FOLDER] [--no-passwords]
                         import sites from FileZilla (sitemanager.xml), WinSCP (WinSCP.ini),
                         Cyberduck (.duck, or a folder of them) or a Wharf export; the format is
                         told from the content; passwords found go to the keychain
  site export FILE [--format filezilla|wharf-json] [--force]
                         write all sites without passwords: FileZilla's sitemanager.xml (read by
                         FileZilla and WinSCP) unless FILE ends in .json`;

/** Usage lines for the flags, shared by the commands that connect. */
export const CONNECTIVITY_USAGE = `  --cert FILE            client certificate (mutual TLS): PEM, or PKCS#12 (.p12/.pfx); its key's
                         passphrase from WHARF_CERT_PASSPHRASE, the keychain (saved site) or a prompt
  --key FILE             the PEM private key of --cert, when it is a separate file
  --proxy URL            socks5://[user@]host:port or http://[user@]host:port (password from
                         WHARF_PROXY_PASSWORD), none, or system (ALL_PROXY / HTTPS_PROXY); default:
                         the site's or the app's proxy setting, which follows the environment`;
