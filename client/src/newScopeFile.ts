// "Scope: New Scope File": a new *.scope.yaml from the template (templates/new.scope.yaml, bundled
// as text), opened for editing.
import * as vscode from 'vscode';
import template from '../../templates/new.scope.yaml';
import { languageId } from '../../shared/protocol';

const defaultName = 'new.scope.yaml';

/**
 * From the Explorer's context menu (`resource` is the clicked folder or file): asks for a name and
 * creates the file there, as "New File..." does. From the Command Palette or File > New File...:
 * an untitled editor, like any new file, that is named when saved.
 */
export async function newScopeFile(resource?: unknown): Promise<void> {
  if (resource instanceof vscode.Uri && resource.scheme === 'file') {
    const folder = await folderOf(resource);
    const name = await askName(folder);
    if (name === undefined) return;
    const uri = vscode.Uri.joinPath(folder, name);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(template));
    await vscode.window.showTextDocument(uri);
    return;
  }
  await openUntitledScope(defaultName, template);
}

/**
 * Opens `content` in a new untitled editor in the scope-yaml language, named after `fileName`
 * (`name.scope.yaml`, else `name-2.scope.yaml`, ...) in the first workspace folder, so that saving
 * suggests a name that keeps the language. Nothing is written to disk until the user saves.
 */
export async function openUntitledScope(
  fileName: string,
  content: string,
  options?: vscode.TextDocumentShowOptions,
): Promise<vscode.TextEditor> {
  const workspaceFolder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!workspaceFolder || workspaceFolder.scheme !== 'file') {
    const document = await vscode.workspace.openTextDocument({ language: languageId, content });
    return vscode.window.showTextDocument(document, options);
  }
  const target = (await freeName(workspaceFolder, fileName)).with({ scheme: 'untitled' });
  const document = await vscode.workspace.openTextDocument(target);
  const editor = await vscode.window.showTextDocument(document, options);
  if (document.getText() === '') await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), content));
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  return editor;
}

async function folderOf(resource: vscode.Uri): Promise<vscode.Uri> {
  try {
    const stat = await vscode.workspace.fs.stat(resource);
    if (stat.type & vscode.FileType.Directory) return resource;
  } catch {
    // A resource that is gone: fall back to its parent folder.
  }
  return vscode.Uri.joinPath(resource, '..');
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** `new.scope.yaml`, else `new-2.scope.yaml`, ... : the first name not taken on disk or by an open editor. */
async function freeName(folder: vscode.Uri, fileName = defaultName): Promise<vscode.Uri> {
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.path));
  const stem = fileName.replace(/\.scope\.ya?ml$/i, '');
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(folder, n === 1 ? fileName : `${stem}-${n}.scope.yaml`);
    if (!open.has(uri.path) && !(await exists(uri))) return uri;
  }
}

/** A file name that ends in .scope.yaml (added when missing) and is not taken; undefined when cancelled. */
async function askName(folder: vscode.Uri): Promise<string | undefined> {
  const suggested = (await freeName(folder)).path.split('/').pop() ?? defaultName;
  const input = await vscode.window.showInputBox({
    title: 'New Scope File',
    prompt: `File name in ${vscode.workspace.asRelativePath(folder)}`,
    value: suggested,
    valueSelection: [0, suggested.length - '.scope.yaml'.length],
    validateInput: async (value) => {
      const name = withExtension(value.trim());
      if (name === undefined) return 'Enter a file name.';
      if (/[\\/]/.test(name)) return 'Enter a name, not a path.';
      return (await exists(vscode.Uri.joinPath(folder, name))) ? `${name} already exists.` : undefined;
    },
  });
  return input === undefined ? undefined : withExtension(input.trim());
}

/** Only *.scope.yaml and *.scope.yml files are checked, so the name must end that way. */
function withExtension(name: string): string | undefined {
  if (name === '') return undefined;
  return /\.scope\.ya?ml$/i.test(name) ? name : `${name.replace(/\.ya?ml$/i, '')}.scope.yaml`;
}
