// The test workspace code-server (or desktop VS Code) opened for the suite.
import * as assert from 'assert';
import * as vscode from 'vscode';

export function workspaceFile(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is not open');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}
