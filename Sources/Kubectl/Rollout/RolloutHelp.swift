/// `kubectl rollout history|undo|pause|resume|restart --help`, as kubectl v1.32 prints them.
enum RolloutHelp {
    static let history = """
        View previous rollout revisions and configurations.

        Examples:
          # View the rollout history of a deployment
          kubectl rollout history deployment/abc
          
          # View the details of daemonset revision 3
          kubectl rollout history daemonset/abc --revision=3

        Options:
            --allow-missing-template-keys=true:
        	If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.

            -f, --filename=[]:
        	Filename, directory, or URL to files identifying the resource to get from a server.

            -k, --kustomize='':
        	Process the kustomization directory. This flag can't be used together with -f or -R.

            -o, --output='':
        	Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).

            -R, --recursive=false:
        	Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.

            --revision=0:
        	See the details, including podTemplate of the revision specified

            -l, --selector='':
        	Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.

            --show-managed-fields=false:
        	If true, keep the managedFields when printing objects in JSON or YAML format.

            --template='':
        	Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].

        Usage:
          kubectl rollout history (TYPE NAME | TYPE/NAME) [flags] [options]

        Use "kubectl options" for a list of global command-line options (applies to all commands).

        """

    static let undo = """
        Roll back to a previous rollout.

        Examples:
          # Roll back to the previous deployment
          kubectl rollout undo deployment/abc
          
          # Roll back to daemonset revision 3
          kubectl rollout undo daemonset/abc --to-revision=3
          
          # Roll back to the previous deployment with dry-run
          kubectl rollout undo --dry-run=server deployment/abc

        Options:
            --allow-missing-template-keys=true:
        	If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.

            --dry-run='none':
        	Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.

            -f, --filename=[]:
        	Filename, directory, or URL to files identifying the resource to get from a server.

            -k, --kustomize='':
        	Process the kustomization directory. This flag can't be used together with -f or -R.

            -o, --output='':
        	Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).

            -R, --recursive=false:
        	Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.

            -l, --selector='':
        	Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.

            --show-managed-fields=false:
        	If true, keep the managedFields when printing objects in JSON or YAML format.

            --template='':
        	Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].

            --to-revision=0:
        	The revision to rollback to. Default to 0 (last revision).

        Usage:
          kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]

        Use "kubectl options" for a list of global command-line options (applies to all commands).

        """

    static let pause = """
        Mark the provided resource as paused.

         Paused resources will not be reconciled by a controller. Use "kubectl rollout resume" to resume a paused resource. Currently only deployments support being paused.

        Examples:
          # Mark the nginx deployment as paused
          # Any current state of the deployment will continue its function; new updates
          # to the deployment will not have an effect as long as the deployment is paused
          kubectl rollout pause deployment/nginx

        Options:
            --allow-missing-template-keys=true:
        	If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.

            --field-manager='kubectl-rollout':
        	Name of the manager used to track field ownership.

            -f, --filename=[]:
        	Filename, directory, or URL to files identifying the resource to get from a server.

            -k, --kustomize='':
        	Process the kustomization directory. This flag can't be used together with -f or -R.

            -o, --output='':
        	Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).

            -R, --recursive=false:
        	Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.

            -l, --selector='':
        	Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.

            --show-managed-fields=false:
        	If true, keep the managedFields when printing objects in JSON or YAML format.

            --template='':
        	Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].

        Usage:
          kubectl rollout pause RESOURCE [options]

        Use "kubectl options" for a list of global command-line options (applies to all commands).

        """

    static let resume = """
        Resume a paused resource.

         Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.

        Examples:
          # Resume an already paused deployment
          kubectl rollout resume deployment/nginx

        Options:
            --allow-missing-template-keys=true:
        	If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.

            --field-manager='kubectl-rollout':
        	Name of the manager used to track field ownership.

            -f, --filename=[]:
        	Filename, directory, or URL to files identifying the resource to get from a server.

            -k, --kustomize='':
        	Process the kustomization directory. This flag can't be used together with -f or -R.

            -o, --output='':
        	Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).

            -R, --recursive=false:
        	Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.

            -l, --selector='':
        	Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.

            --show-managed-fields=false:
        	If true, keep the managedFields when printing objects in JSON or YAML format.

            --template='':
        	Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].

        Usage:
          kubectl rollout resume RESOURCE [options]

        Use "kubectl options" for a list of global command-line options (applies to all commands).

        """

    static let restart = """
        Restart a resource.

                Resource rollout will be restarted.

        Examples:
          # Restart all deployments in the test-namespace namespace
          kubectl rollout restart deployment -n test-namespace
          
          # Restart a deployment
          kubectl rollout restart deployment/nginx
          
          # Restart a daemon set
          kubectl rollout restart daemonset/abc
          
          # Restart deployments with the app=nginx label
          kubectl rollout restart deployment --selector=app=nginx

        Options:
            --allow-missing-template-keys=true:
        	If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.

            --field-manager='kubectl-rollout':
        	Name of the manager used to track field ownership.

            -f, --filename=[]:
        	Filename, directory, or URL to files identifying the resource to get from a server.

            -k, --kustomize='':
        	Process the kustomization directory. This flag can't be used together with -f or -R.

            -o, --output='':
        	Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).

            -R, --recursive=false:
        	Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.

            -l, --selector='':
        	Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.

            --show-managed-fields=false:
        	If true, keep the managedFields when printing objects in JSON or YAML format.

            --template='':
        	Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].

        Usage:
          kubectl rollout restart RESOURCE [options]

        Use "kubectl options" for a list of global command-line options (applies to all commands).

        """

    /// Prints the verb's help and says so, when `-h`/`--help` was given.
    static func printed(_ text: String, _ request: inout VerbRequest) -> Bool {
        guard request.flags.bool("help") else { return false }
        request.invocation.stdout.write(text)
        return true
    }
}
