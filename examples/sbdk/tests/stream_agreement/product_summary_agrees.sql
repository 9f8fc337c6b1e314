{{ rows_differ(ref('product_summary'), ref('stream_product_summary'), key=['product_category']) }}
